package org.kotaku.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Before each test of an {@link IntegrationTest} class, makes sure the {@link TinyDemo}
 * data are loaded and, with {@code readModel = true}, that the application's read model
 * serves their latest version.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TinyDemoExtension.class)
public @interface WithTinyDemo {

	/** Whether to wait until the read model serves the latest data version. */
	boolean readModel() default false;

}
