# article-bot as a container service. Build:  docker build -t article-bot .
# Run:    docker run -d --restart unless-stopped -e TELEGRAM_BOT_TOKEN=... article-bot
# Both stages must share one base image: the virtual environment's python3 is a symlink into it.
# BASE_IMAGE is an argument so the image also builds on a local stand-in base (see
# scripts/container-smoke); everything below works whether python3 is Debian's or python.org's.
ARG BASE_IMAGE=python:3.12-slim

FROM ${BASE_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
RUN python3 -m venv /opt/venv
# Dependencies first, read from pyproject.toml, so a source change does not download them again.
COPY pyproject.toml ./
RUN python3 -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && /opt/venv/bin/pip install --requirement /tmp/requirements.txt
COPY README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
# Build the wheel, install it (its dependencies are already there), then drop the installer:
# the running service never installs anything.
RUN /opt/venv/bin/pip wheel --no-deps --wheel-dir /tmp/dist . \
    && /opt/venv/bin/pip install /tmp/dist/article_bot-*.whl \
    && /opt/venv/bin/pip uninstall --yes pip setuptools wheel \
    && /opt/venv/bin/article-bot --help > /dev/null

FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="article-bot" \
      org.opencontainers.image.description="Answers questions about a news article, citing its source sentence."
# The working directory holds no .env: configuration comes only from the environment.
WORKDIR /srv/article-bot
# A fixed unprivileged user; the installed code stays owned by root, so it cannot rewrite itself.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin app
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HEARTBEAT_FILE=/tmp/article-bot.heartbeat
USER app
# Unhealthy when the fact base does not load or the poller's heartbeat is older than
# HEARTBEAT_MAX_AGE (see bot/health.py). The start period covers start-up before the first beat.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["article-bot", "health"]
STOPSIGNAL SIGTERM
# Exec form: article-bot is PID 1 and receives SIGTERM itself.
ENTRYPOINT ["article-bot"]
CMD ["telegram"]
