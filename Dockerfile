# syntax=docker/dockerfile:1
# The API image: built with the pinned pnpm, run as the bundled server by a non-root user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
# Manifests first, so the dependency layer is reused while only source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY packages/core/package.json packages/core/
COPY packages/contract/package.json packages/contract/
COPY packages/db/package.json packages/db/
RUN pnpm install --frozen-lockfile
COPY tsconfig.base.json tsconfig.json ./
COPY apps/api apps/api
COPY packages packages
RUN pnpm build \
 && pnpm --filter @venue-booking/api deploy --prod --legacy /out \
 && cp -r apps/api/dist /out/dist

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /out/package.json ./package.json
COPY --from=build --chown=node:node /out/node_modules ./node_modules
COPY --from=build --chown=node:node /out/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A young generation of 4 MB keeps the resident set under 200 MB under load at no measurable cost
# in throughput (see README, Benchmark). dist/server.js.map is there for `--enable-source-maps`.
CMD ["node", "--max-semi-space-size=4", "dist/server.js"]
