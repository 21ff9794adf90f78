package org.kotaku.portal.architecture;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages and what each may use, as the package-infos and
 * docs/architecture.md say. A new dependency between packages fails here until it is
 * added to {@link #ALLOWED} on purpose (and the package's package-info says so); a cycle
 * between packages fails in any case.
 */
class PackageDependenciesTests {

	/**
	 * Each package of org.kotaku.portal and the packages it may depend on; absent means
	 * none.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			// the base: codes, the catalog of published fields, the data version,
			// problems and parameters
			Map.entry("regioncode", Set.of()), Map.entry("catalog", Set.of()), Map.entry("dataversion", Set.of()),
			Map.entry("api", Set.of("dataversion", "regioncode")),
			// the read side's infrastructure
			Map.entry("readmodel", Set.of("api", "catalog", "dataversion")),
			Map.entry("httpcache", Set.of("api", "dataversion", "readmodel")),
			Map.entry("licence", Set.of("httpcache")),
			Map.entry("web", Set.of("api", "dataversion", "httpcache", "licence")),
			Map.entry("listing", Set.of("api", "catalog", "dataversion", "licence", "regioncode", "web")),
			// public features
			// the server-rendered page of one record, for the features that own records
			Map.entry("recordpage", Set.of("api", "catalog", "dataversion", "licence", "opendata", "web")),
			Map.entry("activity",
					Set.of("api", "catalog", "dataversion", "listing", "recordpage", "regioncode", "web")),
			Map.entry("slum",
					Set.of("api", "catalog", "dataversion", "listing", "readmodel", "recordpage", "regioncode", "web")),
			Map.entry("access", Set.of("catalog", "listing")), Map.entry("funding", Set.of("catalog", "listing")),
			// the headline figures: summary, progress, spending
			Map.entry("figures",
					Set.of("api", "catalog", "dataversion", "httpcache", "licence", "readmodel", "regioncode")),
			// the regions: hierarchy, search, profile and its page
			Map.entry("region",
					Set.of("api", "catalog", "dataversion", "figures", "httpcache", "licence", "listing", "readmodel",
							"recordpage", "regioncode", "web")),
			Map.entry("ogc", Set.of("api", "catalog", "dataversion", "httpcache", "licence")),
			Map.entry("tiles",
					Set.of("api", "catalog", "dataversion", "httpcache", "licence", "readmodel", "regioncode")),
			Map.entry("checks", Set.of("api", "catalog", "dataversion", "httpcache", "licence", "readmodel")),
			Map.entry("bulk", Set.of("api", "catalog", "dataversion", "licence", "listing", "readmodel")),
			Map.entry("opendata",
					Set.of("api", "bulk", "catalog", "dataversion", "httpcache", "licence", "ogc", "readmodel", "web")),
			Map.entry("changes", Set.of("api", "bulk", "dataversion", "ingest", "licence")),
			// the write side: it never reads the read side's infrastructure
			Map.entry("ingest", Set.of("api", "catalog", "dataversion", "regioncode")),
			Map.entry("imports", Set.of("ingest")), Map.entry("demo", Set.of("imports", "ingest")));

	/**
	 * The parts of {@code ingest} (the package itself, {@code IngestService}'s
	 * orchestration, and its sub-packages) and the parts each may use: the validation kit
	 * knows no dataset, the dataset specs know no batch, the batch log knows no pipeline,
	 * and only the orchestration and the routes sit above the pipeline.
	 */
	static final Map<String, Set<String>> INGEST_ALLOWED = Map.ofEntries(Map.entry("ingest.validation", Set.of()),
			Map.entry("ingest.dataset", Set.of("ingest.validation")),
			Map.entry("ingest.batch", Set.of("ingest.dataset")),
			Map.entry("ingest.pipeline", Set.of("ingest.batch", "ingest.dataset", "ingest.validation")),
			Map.entry("ingest", Set.of("ingest.batch", "ingest.dataset", "ingest.pipeline")),
			Map.entry("ingest.keys", Set.of("ingest.dataset")), Map.entry("ingest.web",
					Set.of("ingest", "ingest.batch", "ingest.dataset", "ingest.keys", "ingest.validation")));

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.kotaku.portal");
	}

	@Test
	void everyPackageDependsOnlyOnThePackagesItIsAllowed() {
		Map<String, Set<String>> actual = actualDependencies(PackageDependenciesTests::feature);
		assertThat(unexpected(actual, ALLOWED)).as("dependencies not in ALLOWED (package -> packages it uses)")
			.isEmpty();
		assertThat(actual.keySet()).as("packages with dependencies, all named in ALLOWED")
			.allMatch(ALLOWED::containsKey);
	}

	@Test
	void everyPartOfIngestDependsOnlyOnThePartsItIsAllowed() {
		Map<String, Set<String>> actual = actualDependencies(PackageDependenciesTests::ingestPart);
		assertThat(unexpected(actual, INGEST_ALLOWED))
			.as("dependencies not in INGEST_ALLOWED (part of ingest -> parts it uses)")
			.isEmpty();
		assertThat(actual).as("the rule reads the parts of ingest").containsKey("ingest.pipeline");
	}

	@Test
	void apiDoesNotDependOnIngest() {
		// the error model reads the problem type a PortalException carries, never
		// ingest's exceptions
		noClasses().that()
			.resideInAPackage("org.kotaku.portal.api..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.kotaku.portal.ingest..")
			.check(classes);
	}

	@Test
	void nothingOutsideIngestUsesThePipeline() {
		// the pipeline's steps are ingestion's inside: other features call IngestService
		noClasses().that()
			.resideOutsideOfPackage("org.kotaku.portal.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.kotaku.portal.ingest.pipeline..")
			.check(classes);
	}

	@Test
	void partsOfIngestHaveNoCycles() {
		slices().matching("org.kotaku.portal.ingest.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("org.kotaku.portal.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theRuleSeesTheDependenciesThatExist() {
		// a guard against a rule that passes because it reads nothing
		assertThat(actualDependencies(PackageDependenciesTests::feature))
			.containsEntry("web", Set.of("api", "dataversion", "httpcache", "licence"))
			.containsKey("ingest");
	}

	/** The dependencies of {@code actual} that {@code allowed} does not name. */
	private static Map<String, Set<String>> unexpected(Map<String, Set<String>> actual,
			Map<String, Set<String>> allowed) {
		Map<String, Set<String>> unexpected = new TreeMap<>();
		actual.forEach((from, targets) -> targets.stream()
			.filter((to) -> !allowed.getOrDefault(from, Set.of()).contains(to))
			.forEach((to) -> unexpected.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to)));
		return unexpected;
	}

	/**
	 * Which part (as {@code part} names packages) uses which other parts; null parts are
	 * left out.
	 */
	private static Map<String, Set<String>> actualDependencies(Function<String, String> part) {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		classes.forEach((type) -> type.getDirectDependenciesFromSelf().forEach((dependency) -> {
			String from = part.apply(dependency.getOriginClass().getPackageName());
			String to = part.apply(dependency.getTargetClass().getPackageName());
			if (from != null && to != null && !from.equals(to)) {
				dependencies.computeIfAbsent(from, (k) -> new TreeSet<>()).add(to);
			}
		}));
		return dependencies;
	}

	/**
	 * The first package under org.kotaku.portal, null outside it and for the root (the
	 * application class).
	 */
	private static String feature(String packageName) {
		String root = "org.kotaku.portal.";
		return packageName.startsWith(root) ? packageName.substring(root.length()).split("\\.")[0] : null;
	}

	/**
	 * {@code ingest} or {@code ingest.<sub-package>} for ingestion's packages, null for
	 * any other.
	 */
	private static String ingestPart(String packageName) {
		String root = "org.kotaku.portal.ingest";
		if (packageName.equals(root)) {
			return "ingest";
		}
		return packageName.startsWith(root + ".") ? "ingest." + packageName.substring(root.length() + 1).split("\\.")[0]
				: null;
	}

}
