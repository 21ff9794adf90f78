package org.kotaku.portal.support;

import java.time.Duration;

import org.kotaku.portal.demo.DemoLoader;
import org.kotaku.portal.demo.DemoScale;

/**
 * Loads the tiny synthetic dataset (four cities) into the JVM's test database once,
 * through the real ingestion path. Tests that change data must use ids of their own so
 * they do not disturb each other.
 */
public final class TinyDemo {

	public static final long SEED = 7;

	private static boolean loaded;

	private TinyDemo() {
	}

	public static synchronized void ensureLoaded(DemoLoader loader) {
		if (!loaded) {
			loader.load(DemoScale.TINY, SEED).then().block(Duration.ofMinutes(2));
			loaded = true;
		}
	}

}
