# One image recipe for the three services: docker build --build-arg SERVICE=catalog .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist/apps/${SERVICE} ./dist/apps/${SERVICE}
USER node
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/main.js"]
