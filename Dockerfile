FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY tracker ./tracker
COPY alembic ./alembic
RUN pip install --no-cache-dir . && useradd --create-home tracker
USER tracker
ENTRYPOINT ["tracker"]
CMD ["--help"]
