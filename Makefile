# RegistryOps — build, test, demo, bench. `make help` lists the targets.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Release
RESULTS := artifacts/test-results
WORK := $(CURDIR)/.work

.PHONY: help build test unit-test integration-test system-test deps run publish demo bench clean

help:
	@echo "make build            compile everything"
	@echo "make test             install test dependencies, run all tests, print 'N passed, N failed'"
	@echo "make system-test      the published daemon under a real systemd (PID 1) in a container"
	@echo "make demo             real registry + daemon + change reports, then clean up"
	@echo "make run              daemon in the foreground with config/registryops.yml"
	@echo "make publish          self-contained build under artifacts/publish"
	@echo "make bench            benchmarks side by side with skopeo, and the daemon footprint (docs/benchmarks.md)"

# Debian packages the integration tests, demo and benchmarks use as real parts.
deps:
	@tools/install-deps

build:
	$(DOTNET) build RegistryOps.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly

# SYSTEM_TEST=0 leaves out the systemd system test (it needs root and, once, an apt mirror).
test: deps build
	@tools/run-tests

unit-test: build
	$(DOTNET) test tests/RegistryOps.Tests -c $(CONFIGURATION) --no-build -nologo

integration-test: deps build
	$(DOTNET) test tests/RegistryOps.IntegrationTests -c $(CONFIGURATION) --no-build -nologo; \
	  status=$$?; tools/stop-test-services; exit $$status

# The published daemon under systemd as PID 1 in a container (tests/system/run publishes it).
# The Debian image is made once (debootstrap) and cached; see tests/system/build-image.
system-test: deps
	@tests/system/run

run: build
	$(DOTNET) run --project src/RegistryOps -c $(CONFIGURATION) --no-build -- run --config config/registryops.yml

publish:
	$(DOTNET) publish src/RegistryOps -c Release -r linux-x64 --self-contained -o artifacts/publish -nologo

demo: deps build
	@tools/demo

bench: deps build
	@tools/bench

clean:
	rm -rf artifacts $(WORK)
	$(DOTNET) clean RegistryOps.sln -nologo -v q
