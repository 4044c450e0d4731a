namespace RegistryJanitor.Core.Ranking;

/// <summary>Dockerfile templates for the matrix row of each ecosystem.</summary>
internal static class RuntimeSnippets
{
    public static string MultiStage(Ecosystem ecosystem, BaseReference target) => ecosystem switch
    {
        Ecosystem.Node => $"""
            # syntax=docker/dockerfile:1
            FROM node:22-bookworm AS build
            WORKDIR /src
            COPY package.json package-lock.json ./
            RUN --mount=type=cache,target=/root/.npm npm ci
            COPY . .
            RUN npm run build && npm prune --omit=dev

            FROM {target.Name}
            WORKDIR /srv
            COPY --from=build /src/package.json ./
            COPY --from=build /src/node_modules ./node_modules
            COPY --from=build /src/dist ./dist
            USER 65532:65532
            CMD ["dist/server.js"]
            """,
        Ecosystem.Go => $"""
            # syntax=docker/dockerfile:1
            FROM golang:1.23-bookworm AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN --mount=type=cache,target=/go/pkg/mod go mod download
            COPY . .
            RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
                CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

            FROM {target.Name}
            COPY --from=build /out/app /app
            USER 65532:65532
            ENTRYPOINT ["/app"]
            """,
        Ecosystem.DotNet => $"""
            # syntax=docker/dockerfile:1
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            WORKDIR /src
            COPY *.sln ./
            COPY src/App/App.csproj src/App/
            RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore
            COPY . .
            RUN --mount=type=cache,target=/root/.nuget/packages \
                dotnet publish src/App/App.csproj -c Release --no-restore -o /out

            FROM {target.Name}
            WORKDIR /app
            COPY --from=build /out ./
            USER $APP_UID
            ENTRYPOINT ["dotnet", "App.dll"]
            """,
        Ecosystem.Jvm => $"""
            # syntax=docker/dockerfile:1
            FROM maven:3.9-eclipse-temurin-21 AS build
            WORKDIR /src
            COPY pom.xml ./
            RUN --mount=type=cache,target=/root/.m2 mvn -q dependency:go-offline
            COPY src ./src
            RUN --mount=type=cache,target=/root/.m2 mvn -q -DskipTests package

            FROM {target.Name}
            COPY --from=build /src/target/app.jar /app/app.jar
            USER nonroot
            ENTRYPOINT ["java", "-jar", "/app/app.jar"]
            """,
        Ecosystem.Python => PythonSlim(target),
        _ => $"""
            # syntax=docker/dockerfile:1
            FROM debian:bookworm AS build
            # build or download the application here; only /out reaches the runtime stage
            RUN mkdir /out

            FROM {target.Name}
            COPY --from=build /out/ /app/
            USER 65532:65532
            ENTRYPOINT ["/app/start"]
            """,
    };

    public static string PythonSlim(BaseReference target) => $"""
        # syntax=docker/dockerfile:1
        FROM {target.Name}
        ENV PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
        WORKDIR /app
        # pinned requirements in their own layer: code changes do not re-download wheels
        COPY requirements.lock ./
        RUN --mount=type=cache,target=/root/.cache/pip pip install --require-hashes -r requirements.lock
        COPY src/ ./src/
        RUN useradd --uid 10001 --no-create-home app
        USER 10001
        CMD ["python", "-m", "src"]
        """;

    public static string AlpineHardened(BaseReference target) => $"""
        # syntax=docker/dockerfile:1
        # alpine uses musl: test native modules before switching; squash only while the image is rebuilt rarely
        FROM {target.Name}
        RUN apk add --no-cache tini \
            && addgroup -S app && adduser -S -G app -u 10001 app
        WORKDIR /app
        COPY --chown=app:app build/ ./
        USER 10001
        ENTRYPOINT ["/sbin/tini", "--"]
        # run with: --read-only --cap-drop=ALL --security-opt=no-new-privileges
        """;

    public static string CacheExport(string repository) => $"""
        # CI: reuse layers through the registry instead of pulling and rebuilding everything
        docker buildx build \
          --cache-from type=registry,ref={repository}:buildcache \
          --cache-to type=registry,ref={repository}:buildcache,mode=max,image-manifest=true \
          --build-arg BUILDKIT_INLINE_CACHE=1 \
          -t {repository}:$CI_COMMIT_SHA --push .
        """;
}
