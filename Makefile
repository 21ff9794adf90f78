# The two commands of README.md, plus helpers. Each target is idempotent on a fresh Debian machine.
.PHONY: run test build db bench bench-quick bench-bulk bench-ogc bench-site data-dictionary

run:   ## start the portal on http://localhost:8080 with the demo data
	bash scripts/run.sh

test:  ## run the whole test suite against a real PostGIS
	bash scripts/test.sh

build: ## build target/kotaku-portal.jar without tests
	bash scripts/build.sh

db:    ## provision PostgreSQL + PostGIS and the app database
	bash scripts/db-setup.sh

bench: ## national-scale benchmark (about 15-20 min): writes bench/results/latest.md and latest.json
	bash bench/run.sh

bench-quick: ## the same harness at demo scale with short runs, a check in a few minutes
	bash bench/run.sh --quick

bench-bulk: ## bulk files at national scale: generation time and heap, CSV.gz download vs nginx: bench/results/bulk-latest.md
	bash bench/bulk.sh

bench-site: ## the site's first view per page type in headless chromium, demo data (budget < 2 s): bench/results/site-latest.md
	bash bench/site.sh

bench-ogc: ## OGC API items at national scale against MapServer 8 over the same table: bench/results/ogc-mapserver.md
	bash bench/ogc-mapserver.sh

data-dictionary: ## regenerate docs/data-dictionary.md from the catalog (a test fails when it is out of date)
	mvn -q -B -Dfrontend.skip=true -Dtest=DataDictionaryTests -Dsurefire.failIfNoSpecifiedTests=false -Ddictionary.write=true test
