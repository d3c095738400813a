# The always-on Sprintpad server (see README, "An always-on server"). Node 20, non-root, data
# in the /data volume (the embedded SQLite store; unused with --database postgres://…).
#   docker build -t sprintpad-server .
#   docker run -p 4455:4455 -v sprintpad-data:/data sprintpad-server

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is built from source when no prebuilt binary can be downloaded.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
# The postinstall applies patches/ (y-webrtc, micromark) to node_modules: they must be there first.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:server && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out/server ./out/server
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4455
HEALTHCHECK --interval=30s --timeout=5s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4455/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "out/server/sprintpad-server.js", "--port", "4455", "--data", "/data"]
