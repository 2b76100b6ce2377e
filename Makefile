# The few commands people type. `make run` and `make test` are all a new user needs.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test lint format migrations messages demo clean

$(BIN)/masthead: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## Set up SQLite, demo content and static files, then serve on http://127.0.0.1:8000
run: $(BIN)/masthead
	$(BIN)/masthead run

## Lint, check migrations, then run the whole test suite (browser tests included)
test: $(BIN)/masthead
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find masthead -name '*.html')
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(BIN)/masthead
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/masthead
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(find masthead -name '*.html')

migrations: $(BIN)/masthead
	$(BIN)/python manage.py makemigrations

## Re-extract interface strings into masthead/locale/*/django.po and compile the .mo files.
## Needs GNU gettext (apt install gettext); the site and the tests only read the .mo files.
messages: $(BIN)/masthead
	cd masthead && ../$(BIN)/masthead makemessages --all --add-location file --no-obsolete
	cd masthead && ../$(BIN)/masthead compilemessages

demo: $(BIN)/masthead
	$(BIN)/masthead migrate
	$(BIN)/masthead demo

clean:
	rm -rf data .pytest_cache
