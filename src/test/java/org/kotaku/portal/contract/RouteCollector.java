package org.kotaku.portal.contract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Lists the routes of {@link RouterFunction}s as {@code "GET /api/v1/activities/{id}"} by
 * walking them with WebFlux's visitors: nested path prefixes are joined, a route without
 * a method predicate counts as GET, and static resource routes are listed as
 * {@code GET <pattern>}.
 */
final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

	private final Set<String> routes = new TreeSet<>();

	private final Deque<String> prefixes = new ArrayDeque<>();

	private Set<HttpMethod> methods = new LinkedHashSet<>();

	private String path = "";

	static Set<String> routesOf(Iterable<RouterFunction<?>> functions) {
		RouteCollector collector = new RouteCollector();
		functions.forEach((function) -> function.accept(collector));
		return collector.routes;
	}

	@Override
	public void startNested(RequestPredicate predicate) {
		this.path = "";
		predicate.accept(this);
		this.prefixes.push(prefix() + this.path);
	}

	@Override
	public void endNested(RequestPredicate predicate) {
		this.prefixes.pop();
	}

	@Override
	public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
		this.methods = new LinkedHashSet<>();
		this.path = "";
		predicate.accept(this);
		if (this.methods.isEmpty()) {
			this.methods.add(HttpMethod.GET);
		}
		this.methods.forEach((method) -> this.routes.add(method.name() + " " + prefix() + this.path));
	}

	@Override
	public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
		// PathResourceLookupFunction describes itself as "<pattern> -> <location>"
		this.routes.add("GET " + prefix() + lookupFunction.toString().split(" -> ")[0]);
	}

	@Override
	public void attributes(Map<String, Object> attributes) {
	}

	@Override
	public void unknown(RouterFunction<?> routerFunction) {
	}

	@Override
	public void method(Set<HttpMethod> methods) {
		this.methods.addAll(methods);
	}

	@Override
	public void path(String pattern) {
		this.path = this.path + pattern;
	}

	@Override
	public void pathExtension(String extension) {
	}

	@Override
	public void header(String name, String value) {
	}

	@Override
	public void queryParam(String name, String value) {
	}

	@Override
	public void version(String version) {
	}

	@Override
	public void startAnd() {
	}

	@Override
	public void and() {
	}

	@Override
	public void endAnd() {
	}

	@Override
	public void startOr() {
	}

	@Override
	public void or() {
	}

	@Override
	public void endOr() {
	}

	@Override
	public void startNegate() {
	}

	@Override
	public void endNegate() {
	}

	@Override
	public void unknown(RequestPredicate predicate) {
	}

	private String prefix() {
		return this.prefixes.isEmpty() ? "" : this.prefixes.peek();
	}

}
