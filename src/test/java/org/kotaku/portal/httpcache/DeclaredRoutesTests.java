package org.kotaku.portal.httpcache;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which routes validate their own answers is declared, not learned from the requests
 * answered so far.
 */
class DeclaredRoutesTests {

	private final DeclaredRoutes routes = routes(SelfValidatingRoutes.of("/api/v1/summary", "/api/v1/regions/{code}"),
			SelfValidatingRoutes.of("/tiles/{version}/{layer}/{z}/{x}/{file}"));

	private static DeclaredRoutes routes(SelfValidatingRoutes... declarations) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		for (int i = 0; i < declarations.length; i++) {
			beans.registerSingleton("routes" + i, declarations[i]);
		}
		return new DeclaredRoutes(beans.getBeanProvider(SelfValidatingRoutes.class));
	}

	@Test
	void coversThePathsOfTheDeclaredRoutesOnly() {
		assertThat(this.routes.covers(PathContainer.parsePath("/api/v1/summary"))).isTrue();
		assertThat(this.routes.covers(PathContainer.parsePath("/api/v1/regions/64.71"))).isTrue();
		assertThat(this.routes.covers(PathContainer.parsePath("/tiles/v7/activities/8/195/124.mvt"))).isTrue();
		assertThat(this.routes.covers(PathContainer.parsePath("/tiles/activities/8/195/124.mvt"))).isFalse();
		assertThat(this.routes.covers(PathContainer.parsePath("/api/v1/regions"))).isFalse();
		assertThat(this.routes.covers(PathContainer.parsePath("/api/v1/activities"))).isFalse();
	}

	@Test
	void aCachedAnswerOfAnUndeclaredRouteIsRefused() {
		this.routes.requireDeclared("/api/v1/regions/{code}");
		assertThatIllegalStateException().isThrownBy(() -> this.routes.requireDeclared("/api/v1/activities"))
			.withMessageContaining("SelfValidatingRoutes");
	}

}
