package dev.lite2pg.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"lite2pg " + (version == null ? "(development build)" : version)};
    }
}
