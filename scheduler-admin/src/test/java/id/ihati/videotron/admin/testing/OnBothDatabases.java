package id.ihati.videotron.admin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A test that runs once on each server of the class's {@link BothDatabases} (H2, then PostgreSQL) and takes it
 * as its {@link TestAdmin} parameter. The servers are the class's: they stay open between tests.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(autoCloseArguments = false)
@ArgumentsSource(BothDatabases.Servers.class)
public @interface OnBothDatabases {
}
