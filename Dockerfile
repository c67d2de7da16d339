# communique as a container image: a static binary on a distroless base,
# run as a non-root user. The entry point is the binary, so the arguments
# are a command line: `docker run IMAGE run --in /data/in --out /data/out`.
#
#   docker build -t communique --build-arg VERSION=$(git describe --always) .

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so that a change of source does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
    -o /out/communique ./cmd/communique

# distroless/static: CA certificates, tzdata and /etc/passwd, no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/communique /communique
# Numeric, so that Kubernetes can check runAsNonRoot against it.
USER 65532:65532
ENTRYPOINT ["/communique"]
CMD ["help"]
