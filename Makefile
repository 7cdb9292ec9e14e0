# Two commands for a newcomer:  `make` (set everything up, build the site)  and  `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests and tools use: the browser for browser tests, the web server
# for publishing tests, pdftotext for PDF tests; pango (WeasyPrint's text layout) and DejaVu (a font
# with every Vietnamese letter, embedded in the PDF, drawn in the link-preview images) for `hoctap pdf`;
# Java for the Nu Html Checker (vnu-jar); Tesseract with its Vietnamese model (OCR of scans) and
# antiword (old .doc files) for `hoctap import`; zbarimg to read back the QR codes printed in the PDF,
# speaker sheets and poster; LibreOffice Impress to check that every slide deck opens without repair
# (--no-install-recommends, set below, keeps it to Impress and its core) and Writer to save the import
# tests' Word files as old .doc; qpdf to make the encrypted PDFs the import tests refuse or read.
DEBIAN_PACKAGES := chromium nginx poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core openjdk-17-jre-headless \
	tesseract-ocr tesseract-ocr-vie antiword zbar-tools libreoffice-impress libreoffice-writer qpdf
export NO_MKDOCS_2_WARNING := 1

.PHONY: all setup system python node bytecode build serve desk test clean

all: setup build

setup: system python node

system:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

python: $(BIN)/hoctap

$(BIN)/hoctap: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	@touch $@

# The field's own checkers (axe-core, vnu-jar, Lighthouse) and workbox-build (each release's service
# worker, hoctap publish), pinned in package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would download a Java; we use Debian's.
node: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# Our package compiled ahead, as pip compiles the packages it installs: where PYTHONDONTWRITEBYTECODE
# is set (CI, this machine) every hoctap command compiled its 15,000 lines again, 0.07 s each time.
# A file changed since is compiled again at its import, as Python always does.
bytecode: python
	@$(BIN)/python -m compileall -q scripts/hoctap

build: bytecode
	$(BIN)/hoctap build

serve: python
	$(BIN)/hoctap serve

# The editors' desk at http://127.0.0.1:8765/ (README "For editors"); PUBLISH_TO and SITE_URL say where
# "Đăng lên mạng nội bộ" publishes.
desk: python
	$(BIN)/hoctap desk $(if $(PUBLISH_TO),--publish-to $(PUBLISH_TO)) $(if $(SITE_URL),--site-url $(SITE_URL))

# The suite on every core (pytest-xdist; `make test TEST_WORKERS=0` runs it in one process). A test file
# stays on one worker (--dist loadfile), so its module fixtures (a planted build, the decks, a publish)
# are made once; the session's site is built once for all workers (tests/conftest.py). README "Two commands"
# gives its measured time.
TEST_WORKERS ?= auto
test: bytecode node
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

clean:
	rm -rf site $(VENV) node_modules
