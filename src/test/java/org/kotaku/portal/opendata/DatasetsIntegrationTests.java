package org.kotaku.portal.opendata;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kotaku.portal.catalog.Catalog;
import org.kotaku.portal.catalog.Dataset;
import org.kotaku.portal.ingest.IngestService;
import org.kotaku.portal.readmodel.ReadModel;
import org.kotaku.portal.support.IntegrationTest;
import org.kotaku.portal.support.ReadModels;
import org.kotaku.portal.support.TestIngest;
import org.kotaku.portal.support.WithTinyDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/datasets} and {@code /catalog.jsonld} describe exactly the catalog's
 * datasets and fields, with the record counts and last ingestion the database holds, and
 * follow an ingestion; the DCAT document reads as RDF into the nodes a harvester looks
 * for.
 */
@IntegrationTest
@WithTinyDemo(readModel = true)
class DatasetsIntegrationTests {

	static final String DCAT = "http://www.w3.org/ns/dcat#";

	static final String DCT = "http://purl.org/dc/terms/";

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	DatabaseClient db;

	@Autowired
	IngestService ingest;

	@Autowired
	ReadModel readModel;

	@Test
	void everyCatalogDatasetIsListedWithItsFieldsInOrder() {
		JsonNode items = get("/api/v1/datasets").get("items");
		assertThat(items.valueStream().map((d) -> d.get("id").asString()))
			.containsExactlyElementsOf(Catalog.all().stream().map(Dataset::id).toList());
		for (Dataset dataset : Catalog.all()) {
			JsonNode listed = get("/api/v1/datasets/" + dataset.id()).get("item");
			assertThat(listed.get("fields").valueStream().map((f) -> f.get("name").asString())).as(dataset.id())
				.containsExactlyElementsOf(dataset.fieldNames());
			assertThat(listed.at("/title/en").asString()).isEqualTo(dataset.title().en());
			assertThat(listed.at("/licence/id").asString()).isEqualTo("CC-BY-4.0");
			assertThat(listed.get("api").asString()).isEqualTo("http://localhost:8080" + dataset.apiPath());
		}
	}

	@Test
	void vocabulariesAndFlagsComeFromTheCatalog() {
		JsonNode type = field(get("/api/v1/datasets/activities").get("item"), "type");
		assertThat(type.get("required").asBoolean()).isTrue();
		assertThat(type.get("queryable").asBoolean()).isTrue();
		assertThat(type.get("values").valueStream().map((v) -> v.get("code").asString())).contains("road", "drainage");
		assertThat(type.at("/values/0/label/id").asString()).isNotBlank();
		JsonNode budget = field(get("/api/v1/datasets/activities").get("item"), "budgetIdr");
		assertThat(budget.get("unit").asString()).isEqualTo("IDR");
		assertThat(budget.get("type").asString()).isEqualTo("integer");
	}

	@Test
	void countsAndModificationAreTheDatabases() {
		assertThat(get("/api/v1/datasets/activities").at("/item/recordCount").asLong())
			.isEqualTo(count("select count(*) from activity"));
		assertThat(get("/api/v1/datasets/decrees").at("/item/recordCount").asLong())
			.isEqualTo(count("select count(*) from slum_decree"));
		assertThat(Instant.parse(get("/api/v1/datasets/activities").at("/item/modified").asString()))
			.isEqualTo(lastBatch("activities"));
		JsonNode allocations = get("/api/v1/datasets/allocations").get("item");
		assertThat(allocations.at("/temporal/start").asString()).endsWith("-01-01");
		assertThat(allocations.get("spatial").size()).isEqualTo(4);
	}

	@Test
	void anIngestionMovesCountAndModified() {
		long before = get("/api/v1/datasets/activities").at("/item/recordCount").asLong();
		TestIngest.activity(this.ingest, "datasets-test-1", 2_000_000);
		ReadModels.awaitLatest(this.readModel);
		JsonNode after = get("/api/v1/datasets/activities").get("item");
		assertThat(after.get("recordCount").asLong()).isEqualTo(before + 1);
		assertThat(Instant.parse(after.get("modified").asString())).isEqualTo(lastBatch("activities"));
	}

	@Test
	void unknownDatasetAndParametersAreProblems() {
		this.client.get()
			.uri("/api/v1/datasets/castles")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((d) -> assertThat(d.toString()).contains("castles"));
		this.client.get()
			.uri("/api/v1/datasets?format=xml")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theDcatCatalogReadsAsRdfWithADatasetAndDistributionsPerCatalogDataset() {
		String body = this.client.get()
			.uri("/catalog.jsonld")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/ld+json"))
			.expectHeader()
			.valueMatches("Link", ".*rel=\"license\".*")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Model model = ModelFactory.createDefaultModel();
		RDFParser.create().source(new StringReader(body)).lang(Lang.JSONLD).parse(model);
		Resource catalog = model.createResource("http://localhost:8080/catalog.jsonld");
		assertThat(model.contains(catalog, RDF.type, model.createResource(DCAT + "Catalog"))).isTrue();
		List<Resource> datasets = objects(model, catalog, DCAT + "dataset");
		assertThat(datasets).hasSize(Catalog.all().size());
		for (Dataset dataset : Catalog.all()) {
			Resource node = model.createResource("http://localhost:8080/api/v1/datasets/" + dataset.id());
			assertThat(datasets).contains(node);
			assertThat(model.contains(node, RDF.type, model.createResource(DCAT + "Dataset"))).as(dataset.id())
				.isTrue();
			assertThat(model.getProperty(node, prop(model, DCT + "identifier")).getString()).isEqualTo(dataset.id());
			assertThat(model.getProperty(node, prop(model, DCT + "license")).getResource().getURI())
				.isEqualTo("https://creativecommons.org/licenses/by/4.0/");
			assertThat(model.listObjectsOfProperty(node, prop(model, DCT + "title")).toList()).hasSize(2);
			assertThat(model.getProperty(node, prop(model, DCT + "publisher"))).isNotNull();
			List<Resource> distributions = objects(model, node, DCAT + "distribution");
			assertThat(distributions).as(dataset.id()).isNotEmpty().allSatisfy((d) -> {
				assertThat(model.contains(d, RDF.type, model.createResource(DCAT + "Distribution"))).isTrue();
				assertThat(model.getProperty(d, prop(model, DCAT + "accessURL"))).isNotNull();
				assertThat(model.getProperty(d, prop(model, DCAT + "mediaType"))).isNotNull();
				assertThat(model.getProperty(d, prop(model, DCT + "license"))).isNotNull();
			});
		}
		Resource activities = model.createResource("http://localhost:8080/api/v1/datasets/activities");
		Statement modified = model.getProperty(activities, prop(model, DCT + "modified"));
		assertThat(OffsetDateTime.parse(modified.getString()).toInstant()).isEqualTo(lastBatch("activities"));
		assertThat(model.getProperty(activities, prop(model, DCT + "temporal"))).isNotNull();
		assertThat(model.getProperty(activities, prop(model, DCT + "spatial"))).isNotNull();
	}

	private JsonNode get(String uri) {
		byte[] body = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Link", ".*rel=\"license\".*")
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	private static JsonNode field(JsonNode dataset, String name) {
		return dataset.get("fields")
			.valueStream()
			.filter((f) -> f.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	private Instant lastBatch(String dataset) {
		return this.db.sql("select max(committed_at) from ingest_batch where dataset = :d")
			.bind("d", dataset)
			.map((row) -> row.get(0, OffsetDateTime.class))
			.one()
			.block()
			.toInstant();
	}

	private static Property prop(Model model, String uri) {
		return model.createProperty(uri);
	}

	private static List<Resource> objects(Model model, Resource subject, String property) {
		List<Resource> objects = new ArrayList<>();
		model.listObjectsOfProperty(subject, prop(model, property)).forEach((o) -> objects.add(o.asResource()));
		return objects;
	}

}
