package dev.lite2pg.testing;

import java.lang.reflect.Field;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Gives a test class fresh databases on the test server ({@link TestPostgres}) and drops them when they go out of
 * scope, so no test creates or drops one by hand. With {@code @ExtendWith(TestDatabaseExtension.class)}:
 * <ul>
 *   <li>a static field of type {@link TestDatabase} holds one database for the whole class, set before any
 *       {@code @BeforeAll} method and dropped after the last {@code @AfterAll};</li>
 *   <li>an instance field of type {@link TestDatabase} holds a new database for each test, set before any
 *       {@code @BeforeEach} method and dropped after the test;</li>
 *   <li>each parameter of type {@link TestDatabase} (of a test, lifecycle or constructor method) is a new database of
 *       its own, dropped when the method's scope ends (the test, or the class for {@code @BeforeAll}).</li>
 * </ul>
 * Dropping is JUnit's closing of the {@link AutoCloseable} values in the scope's store, so it happens however the test
 * ended.
 */
public final class TestDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : fields(testClass)) {
            if (ModifierSupport.isStatic(field)) {
                field.setAccessible(true);
                field.set(null, create(context));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : fields(instance.getClass())) {
                if (!ModifierSupport.isStatic(field)) {
                    field.setAccessible(true);
                    field.set(instance, create(context));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return create(extensionContext);
    }

    private static List<Field> fields(Class<?> testClass) {
        return ReflectionSupport.findFields(
                testClass,
                f -> f.getType() == TestDatabase.class && !ModifierSupport.isFinal(f),
                HierarchyTraversalMode.TOP_DOWN);
    }

    /** A new database, dropped when the context's scope closes. */
    private static TestDatabase create(ExtensionContext context) {
        TestDatabase db = TestPostgres.createDatabase();
        context.getStore(NAMESPACE).put(UUID.randomUUID(), db);
        return db;
    }
}
