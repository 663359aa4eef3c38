package dev.usagemonitor.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the store chosen by {@link TestDatabase}: the
 * build runs it once on SQLite and once more, in the surefire execution
 * {@code postgresql}, on PostgreSQL. The class must set up its datasource with
 * {@link TestDatabase#register} (or {@link TestDatabase#properties}). With PostgreSQL
 * chosen and no server reachable, the class is skipped with the reason, unless
 * {@code monitor.test.postgres.required=true}, which fails it instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(StoreTest.TAG)
@ExtendWith(TestDatabaseCondition.class)
public @interface StoreTest {

	/** The JUnit tag of store tests, selected by the {@code postgresql} execution. */
	String TAG = "store";

}
