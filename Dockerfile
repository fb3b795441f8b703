# syntax=docker/dockerfile:1
# reset-service: docker build -t reset-service . && docker run -p 8080:8080 --env-file prod.env reset-service
# CI runs the same `dotnet publish` as the build stage (see test.sh), since no Docker engine runs there.

# The /demo page embeds the altcha widget from npm (Reset.Api/Demo/package-lock.json); the SDK image
# has no Node.js, so a node stage installs it and the build takes its node_modules.
FROM node:20-bookworm-slim AS widget
WORKDIR /src/Reset.Api/Demo
COPY Reset.Api/Demo/package.json Reset.Api/Demo/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Reset.Domain/Reset.Domain.csproj Reset.Domain/
COPY Reset.Infrastructure/Reset.Infrastructure.csproj Reset.Infrastructure/
COPY Reset.Api/Reset.Api.csproj Reset.Api/
RUN dotnet restore Reset.Api/Reset.Api.csproj
COPY Reset.Domain/ Reset.Domain/
COPY Reset.Infrastructure/ Reset.Infrastructure/
COPY Reset.Api/ Reset.Api/
COPY --from=widget /src/Reset.Api/Demo/node_modules Reset.Api/Demo/node_modules
RUN dotnet publish Reset.Api/Reset.Api.csproj -c Release -o /app --no-restore -p:UseAppHost=false -p:DemoNpmCi=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The management port: /metrics (and /health) only, for the scraper on the operator's network (Metrics__Port).
EXPOSE 9090
# The image's non-root user (uid 1654).
USER app
# The runtime image has no curl: the service's own binary does the probe.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["dotnet", "Reset.Api.dll", "healthcheck", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "Reset.Api.dll"]
