package dev.lite2pg.model;

/** A failure an operator can act on: the message says what, where and how to fix it. */
public class Lite2pgException extends RuntimeException {
    private final ErrorCode code;

    public Lite2pgException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public Lite2pgException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
