package org.kotaku.portal.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.readmodel.ReadModel;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** What {@link WithTinyDemo} does, with the beans of the test's Spring context. */
final class TinyDemoExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		TinyDemo.ensureLoaded(application.getBean(DemoLoader.class));
		WithTinyDemo settings = AnnotatedElementUtils.findMergedAnnotation(context.getRequiredTestClass(),
				WithTinyDemo.class);
		if (settings != null && settings.readModel()) {
			ReadModels.awaitLatest(application.getBean(ReadModel.class));
		}
	}

}
