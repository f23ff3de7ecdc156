// concord-cli serve: the sync server for one project (a project file, or with --store URI
// --project NAME a project of a PostgreSQL store) or, with --store URI alone, for every project of
// the store, in the foreground until SIGINT or SIGTERM.
// The first lines name the address and the certificate's fingerprint, flushed at once, so that
// people can compare the fingerprint and scripts (and tests) can read the port it bound.
#include "app/cli/Commands.hpp"
#include "app/cli/sync/UserPlace.hpp"
#include "core/util/Error.hpp"
#include "net/server/Server.hpp"
#include "pgstore/ServeStore.hpp"

#include <ctime>
#include <iostream>

namespace concord::cli {

namespace {

struct ServeOptions
{
    std::string project;      // a project file
    std::string store;        // or a PostgreSQL store ...
    std::string storeProject; // ... and the project's name in it; empty: every project
    std::string bind = "127.0.0.1";
    int port = 7443;
    int maxConnections = 1100;
    int reservationMinutes = 30;
    int idleTimeoutSeconds = 120;
    int handshakeTimeoutSeconds = 10;
    int helloTimeoutSeconds = 10;
    int writeTimeoutSeconds = 30;
    int maxUnauthenticatedPerAddress = 64;
    int maxOpsPerMinute = 60'000;
    int loginConnections = static_cast<int>(pg::kDefaultLoginConnections);
    std::string certificate;
    std::string key;
    bool quiet = false;
};

// Connection events go to standard error with a UTC time stamp; standard output stays for the
// few lines a script may read.
void logLine(const std::string& message)
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::cerr << stamp << ' ' << message << '\n';
}

std::size_t countActiveUsers(const ServeOptions& options)
{
    UserPlace place(options.project, options.store, options.storeProject);
    std::size_t active = 0;
    for (const auto& user : place.users().list()) {
        active += user.revokedAt ? 0 : 1;
    }
    return active;
}

void run(const ServeOptions& options)
{
    if (options.certificate.empty() != options.key.empty()) {
        throw InputError("give both --cert and --key, or neither (a self-signed certificate is made beside the "
                         "project)");
    }
    const bool wholeStore = !options.store.empty() && options.storeProject.empty();
    const std::size_t users = wholeStore ? 0 : countActiveUsers(options); // a store's users are per project
    // On a store, the self-signed certificate goes in the working directory, named after the
    // project (or concord-server for the whole store); several servers share it (copy it, or
    // give --cert and --key).
    const std::string served = options.store.empty() ? options.project
                               : wholeStore          ? std::string("concord-server")
                                                     : options.storeProject;

    net::ServerOptions server;
    server.projectPath = served;
    if (wholeStore) {
        pg::serveWholeStore(server, options.store, static_cast<std::size_t>(options.loginConnections));
    } else if (!options.store.empty()) {
        pg::serveFromStore(server, options.store, options.storeProject,
                           static_cast<std::size_t>(options.loginConnections));
    }
    server.bind = options.bind;
    server.port = static_cast<std::uint16_t>(options.port);
    server.maxConnections = static_cast<std::size_t>(options.maxConnections);
    server.reservationTime = std::chrono::minutes(options.reservationMinutes);
    server.limits.idleTimeout = std::chrono::seconds(options.idleTimeoutSeconds);
    server.limits.handshakeTimeout = std::chrono::seconds(options.handshakeTimeoutSeconds);
    server.limits.helloTimeout = std::chrono::seconds(options.helloTimeoutSeconds);
    server.limits.writeTimeout = std::chrono::seconds(options.writeTimeoutSeconds);
    server.maxUnauthenticatedPerAddress = static_cast<std::size_t>(options.maxUnauthenticatedPerAddress);
    server.maxOpsPerMinute = options.maxOpsPerMinute;
    server.certificate = {options.certificate, options.key};
    if (!options.quiet) {
        server.log = logLine;
    }
    net::Server instance(std::move(server));

    const std::string address = options.bind.find(':') != std::string::npos
                                    ? "[" + options.bind + "]:" + std::to_string(instance.port())
                                    : options.bind + ":" + std::to_string(instance.port());
    if (instance.madeCertificate()) {
        const auto paths = options.certificate.empty() ? net::certificatePathsFor(served)
                                                       : net::CertificatePaths{options.certificate, options.key};
        std::cout << "Made a self-signed certificate: " << paths.certificate << " (key " << paths.key << ")\n";
    }
    std::cout << "Serving "
              << (options.store.empty() ? options.project
                  : wholeStore          ? std::string("every project of the store")
                                        : "project " + served + " of the store")
              << "\n";
    std::cout << "Listening on " << address << "\n";
    std::cout << "Certificate fingerprint " << instance.fingerprint() << "\n";
    const std::string projectOption = options.store.empty() ? ""
                                      : wholeStore          ? " --project NAME"
                                                            : " --project " + served;
    std::cout << "Clients join with: concord-cli join " << address << projectOption
              << " --user NAME --token TOKEN --out REPLICA.concord\n";
    if (!wholeStore && users == 0) {
        std::cout << "No users yet: add one with concord-cli user add "
                  << (options.store.empty() ? options.project : "--store URI" + projectOption)
                  << " NAME --role annotator\n";
    }
    std::cout << "Stop with Ctrl+C (SIGINT) or SIGTERM." << std::endl;

    instance.run();
    std::cout << "Stopped; every acknowledged operation is on disk." << std::endl;
}

} // namespace

void addServeCommand(CLI::App& app)
{
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand("serve", "Serve a project to replicas over TLS (until Ctrl+C or SIGTERM)");
    command->add_option("project", options->project, "Project file (the original, not a replica)");
    auto* store = command->add_option("--store", options->store,
                                      "A PostgreSQL store (postgresql://user@host/db; the password from ~/.pgpass "
                                      "or PGPASSWORD) to serve a project of instead of a file");
    command
        ->add_option("--project", options->storeProject,
                     "The project of --store to serve alone; without it, every project of the store (clients name "
                     "theirs with join --project)")
        ->needs(store);
    command
        ->add_option("--login-connections", options->loginConnections,
                     "Connections to the store that the login checks of every project share (each project served "
                     "also holds two: its commits' and its notices')")
        ->check(CLI::Range(1, 1000))
        ->needs(store)
        ->capture_default_str();
    command->add_option("--bind", options->bind, "Address to listen on (0.0.0.0 or :: for every interface)")
        ->capture_default_str();
    command->add_option("--port", options->port, "TCP port (0: any free port, printed on start)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    command->add_option("--max-connections", options->maxConnections, "Sessions held at most; more are refused")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command
        ->add_option("--reservation-minutes", options->reservationMinutes,
                     "How long samples handed out by 'next' stay reserved")
        ->check(CLI::Range(1, 60 * 24 * 365))
        ->capture_default_str();
    command->add_option("--idle-timeout", options->idleTimeoutSeconds, "Seconds of silence before a session is closed")
        ->check(CLI::Range(1, 86'400))
        ->capture_default_str();
    command
        ->add_option("--handshake-timeout", options->handshakeTimeoutSeconds,
                     "Seconds a new connection has to finish its TLS handshake")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    command
        ->add_option("--hello-timeout", options->helloTimeoutSeconds,
                     "Seconds after the handshake until the client must have said hello")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    command
        ->add_option("--write-timeout", options->writeTimeoutSeconds,
                     "Seconds a message may take to reach a client that reads slowly; then it is disconnected")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    command
        ->add_option("--max-unauthenticated-per-address", options->maxUnauthenticatedPerAddress,
                     "Connections from one address that may wait for their login at once")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command
        ->add_option("--max-ops-per-minute", options->maxOpsPerMinute,
                     "Operations one user may send per minute (a burst of this many, refilled evenly)")
        ->check(CLI::Range(1, 100'000'000))
        ->capture_default_str();
    command->add_option("--cert", options->certificate, "PEM certificate to use instead of the self-signed one");
    command->add_option("--key", options->key, "PEM private key of --cert");
    command->add_flag("--quiet", options->quiet, "Do not log refused logins and failed connections");
    command->callback([options] {
        if (options->project.empty() == options->store.empty()) {
            throw InputError("name the project file to serve, or --store URI (not both)");
        }
        run(*options);
    });
}

} // namespace concord::cli
