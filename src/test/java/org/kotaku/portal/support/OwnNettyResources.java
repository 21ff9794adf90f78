package org.kotaku.portal.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * For an extra application a test starts by hand: its Reactor Netty resources are its
 * own, not the JVM-global ones, so closing it cannot dispose the event loops and
 * connection pool that the test contexts still use (Spring Boot's test support does the
 * same for the contexts it manages). Requests of other tests hung for 30 s after such an
 * application was closed.
 */
public final class OwnNettyResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ReactorResourceFactory factory) {
					factory.setUseGlobalResources(false);
				}
				return bean;
			}

		});
	}

}
