# syntax=docker/dockerfile:1
# The API image: built with the pinned pnpm, run as the bundled server by a non-root user.
# Node 26 is the Active LTS line (since 2026-10-28, security fixes until 2029-04-30); Node 24 is in
# maintenance. The bundle still targets Node 20.19+, so running from source on an older Node works.
ARG NODE_IMAGE=node:26-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# Node 25 and later ship without Corepack: install the pnpm that package.json's packageManager pins.
RUN npm install --global --no-fund --no-audit \
      "pnpm@$(node -p "require('./package.json').packageManager.split('@')[1].split('+')[0]")"
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY packages/core/package.json packages/core/
COPY packages/contract/package.json packages/contract/
COPY packages/db/package.json packages/db/
RUN pnpm install --frozen-lockfile
COPY tsconfig.base.json tsconfig.json ./
COPY apps/api apps/api
COPY packages packages
# The deploy holds package.json, dist/ (the package's "files") and the run-time dependencies only:
# the workspace packages and drizzle-orm are bundled, PGlite is an optional peer left out.
RUN pnpm build \
 && pnpm --filter @venue-booking/api deploy --prod --legacy /out

FROM ${NODE_IMAGE} AS runtime
# The image has no embedded database: it runs against DATABASE_URL. PGLITE_DIR only gives an image
# extended with @electric-sql/pglite a data folder the server may write.
ENV NODE_ENV=production PORT=3000 PGLITE_DIR=/app/data
WORKDIR /app
# The code belongs to root (the server cannot change it); only the data folder is the server's own.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A young generation of 4 MB and an old one of at most 128 MB (the read caches are bounded well
# inside it) keep the resident set under 200 MB under load: without the cap V8 lets dead cached
# bodies pile up until a late full collection (see README, Benchmark). dist/server.js.map is there for `--enable-source-maps`.
# `node dist/seed.js` (docker compose exec api node dist/seed.js) adds the demo venues.
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=128", "dist/server.js"]
