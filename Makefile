# The two commands: `make demo` and `make test`. Both set everything up first
# and are safe to run again.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup system venv clean unit

setup: system venv

system:
	bash scripts/setup-system.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip==24.2
	$(VPY) -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: setup
	$(VPY) -m pyvirgl.tools.demo

test: setup
	$(VPY) -m pytest -q -p no:cacheprovider

unit: venv
	$(VPY) -m pytest -q -p no:cacheprovider -m "not mesa"

clean:
	rm -rf $(VENV) build *.egg-info
