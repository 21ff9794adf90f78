package org.kotaku.portal.architecture;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages and what each may use, as the package-infos and docs/architecture.md say. A new
 * dependency between packages fails here until it is added to {@link #ALLOWED} on purpose (and the package's
 * package-info says so); a cycle between packages fails in any case.
 */
class PackageDependenciesTests {

	/** Each package of org.kotaku.portal and the packages it may depend on; absent means none. */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			// the base: codes, the catalog of published fields, problems and data versions
			Map.entry("region", Set.of()), Map.entry("catalog", Set.of()), Map.entry("api", Set.of("region")),
			// the read side's infrastructure
			Map.entry("readmodel", Set.of("api", "catalog")), Map.entry("httpcache", Set.of("api", "readmodel")),
			Map.entry("licence", Set.of("httpcache")), Map.entry("web", Set.of("api", "httpcache", "licence")),
			Map.entry("listing", Set.of("api", "catalog", "licence", "region", "web")),
			// public features
			// the server-rendered page of one record, for the features that own records
			Map.entry("recordpage", Set.of("api", "catalog", "licence", "opendata", "web")),
			Map.entry("activity", Set.of("api", "catalog", "listing", "recordpage", "region", "web")),
			Map.entry("slum", Set.of("api", "catalog", "listing", "readmodel", "recordpage", "region", "web")),
			Map.entry("access", Set.of("catalog", "listing")), Map.entry("funding", Set.of("catalog", "listing")),
			Map.entry("aggregates", Set.of("api", "catalog", "httpcache", "licence", "listing", "readmodel", "recordpage",
					"region", "web")),
			Map.entry("ogc", Set.of("api", "catalog", "licence")),
			Map.entry("tiles", Set.of("api", "httpcache", "licence", "readmodel")),
			Map.entry("checks", Set.of("api", "catalog", "httpcache", "licence", "readmodel")),
			Map.entry("bulk", Set.of("api", "catalog", "licence", "listing", "readmodel")),
			Map.entry("opendata", Set.of("api", "bulk", "catalog", "httpcache", "licence", "ogc", "readmodel", "web")),
			Map.entry("changes", Set.of("api", "bulk", "ingest", "licence")),
			// the write side: it never reads the read side's infrastructure
			Map.entry("ingest", Set.of("api", "catalog", "region")), Map.entry("imports", Set.of("ingest")),
			Map.entry("demo", Set.of("imports", "ingest")));

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.kotaku.portal");
	}

	@Test
	void everyPackageDependsOnlyOnThePackagesItIsAllowed() {
		Map<String, Set<String>> actual = actualDependencies();
		Map<String, Set<String>> unexpected = new TreeMap<>();
		actual.forEach((from, targets) -> targets.stream()
			.filter((to) -> !ALLOWED.getOrDefault(from, Set.of()).contains(to))
			.forEach((to) -> unexpected.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to)));
		assertThat(unexpected).as("dependencies not in ALLOWED (package -> packages it uses)").isEmpty();
		assertThat(actual.keySet()).as("packages with dependencies, all named in ALLOWED")
			.allMatch(ALLOWED::containsKey);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("org.kotaku.portal.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theRuleSeesTheDependenciesThatExist() {
		// a guard against a rule that passes because it reads nothing
		assertThat(actualDependencies()).containsEntry("web", Set.of("api", "httpcache", "licence"))
			.containsKey("ingest");
	}

	private static Map<String, Set<String>> actualDependencies() {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		classes.forEach((type) -> type.getDirectDependenciesFromSelf().forEach((dependency) -> {
			String from = feature(dependency.getOriginClass().getPackageName());
			String to = feature(dependency.getTargetClass().getPackageName());
			if (from != null && to != null && !from.equals(to)) {
				dependencies.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to);
			}
		}));
		return dependencies;
	}

	/** The first package under org.kotaku.portal, null outside it and for the root (the application class). */
	private static String feature(String packageName) {
		String root = "org.kotaku.portal.";
		return packageName.startsWith(root) ? packageName.substring(root.length()).split("\\.")[0] : null;
	}

}
