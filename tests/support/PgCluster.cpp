#include "tests/support/PgCluster.hpp"

#include "pgstore/Connection.hpp"
#include "pgstore/Schema.hpp"
#include "tests/support/RunCommand.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace concord::test {

namespace {

// The server binaries are not on PATH on Debian: pg_config (libpq-dev) names their folder.
std::string serverBindir()
{
    const CommandResult found = runCommand("pg_config --bindir");
    std::string bindir = found.exitCode == 0 ? found.output : std::string();
    while (!bindir.empty() && (bindir.back() == '\n' || bindir.back() == ' ')) {
        bindir.pop_back();
    }
    for (const std::string& candidate : {bindir, std::string("/usr/lib/postgresql/15/bin")}) {
        if (!candidate.empty() && std::filesystem::exists(candidate + "/initdb")) {
            return candidate;
        }
    }
    throw std::runtime_error("the PostgreSQL server binaries (initdb, pg_ctl) were not found in '" + bindir +
                             "' nor /usr/lib/postgresql/15/bin: install postgresql-15 and libpq-dev (.ci/setup)");
}

// A port no one listens on now; the server's socket file is named after it.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("no free port for the test's PostgreSQL");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

PgCluster& PgCluster::shared()
{
    static PgCluster cluster;
    return cluster;
}

PgCluster::PgCluster() : m_bindir(serverBindir()), m_port(freePort()), m_asNobody(::geteuid() == 0)
{
    char pattern[] = "/tmp/concord-pg-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) {
        throw std::runtime_error("cannot make a temporary folder for PostgreSQL");
    }
    m_dir = pattern;
    if (m_asNobody) {
        const passwd* nobody = ::getpwnam("nobody");
        if (nobody == nullptr || ::chown(m_dir.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
            throw std::runtime_error("cannot give " + m_dir + " to the user nobody, who runs the test's PostgreSQL");
        }
    }
    run("initdb", {m_bindir + "/initdb", "-D", m_dir + "/data", "-U", "concord", "-A", "trust", "-E", "UTF8",
                   "--locale=C", "--no-sync", "--no-instructions"});
    start();
    // The template every test's database is copied from: Concord's tables made once.
    pg::Connection admin(conninfo("postgres"));
    admin.exec("CREATE DATABASE concord_template");
    pg::Connection templ(conninfo("concord_template"));
    pg::migrate(templ);
}

PgCluster::~PgCluster()
{
    if (m_running) {
        try {
            run("pg_ctl stop", {m_bindir + "/pg_ctl", "-D", m_dir + "/data", "-m", "immediate", "-w", "stop"});
        } catch (const std::exception& error) {
            std::fprintf(stderr, "the test's PostgreSQL did not stop: %s\n", error.what());
        }
    }
    std::error_code ignored; // a folder left in /tmp is all that can go wrong here
    std::filesystem::remove_all(m_dir, ignored);
}

void PgCluster::start()
{
    // Unix socket only, in the folder; fsync off: the tests stop the server, never the machine.
    run("pg_ctl start",
        {m_bindir + "/pg_ctl", "-D", m_dir + "/data", "-l", m_dir + "/server.log", "-w", "-t", "60", "-o",
         "-p " + std::to_string(m_port) + " -k " + m_dir +
             " -c listen_addresses='' -c fsync=off -c max_connections=200",
         "start"});
    m_running = true;
}

void PgCluster::stopImmediately()
{
    run("pg_ctl stop", {m_bindir + "/pg_ctl", "-D", m_dir + "/data", "-m", "immediate", "-w", "stop"});
    m_running = false;
}

std::string PgCluster::freshDatabase()
{
    const std::string name = "test_" + std::to_string(++m_databases);
    pg::Connection admin(conninfo("postgres"));
    admin.exec("CREATE DATABASE " + name + " TEMPLATE concord_template");
    return conninfo(name);
}

std::string PgCluster::conninfo(const std::string& name) const
{
    return "host=" + m_dir + " port=" + std::to_string(m_port) + " user=concord dbname=" + name;
}

void PgCluster::run(const std::string& what, const std::vector<std::string>& argv) const
{
    std::vector<std::string> command;
    if (m_asNobody) {
        command = {"runuser", "-u", "nobody", "--"};
    }
    command.insert(command.end(), argv.begin(), argv.end());
    const std::string output = m_dir + "/" + std::to_string(::getpid()) + "-command.log";
    const pid_t child = ::fork();
    if (child == 0) {
        // The child: its output to a file the parent reads on failure, then the command.
        std::FILE* log = std::fopen(output.c_str(), "w");
        if (log != nullptr) {
            ::dup2(::fileno(log), STDOUT_FILENO);
            ::dup2(::fileno(log), STDERR_FILENO);
        }
        ::setenv("LC_ALL", "C", 1);
        std::vector<char*> args;
        for (const std::string& arg : command) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        std::perror("exec");
        ::_exit(127);
    }
    int status = 0;
    if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(what + " failed (" + (m_asNobody ? "as nobody" : "as this user") +
                                 "): " + readFile(output) + readFile(m_dir + "/server.log"));
    }
}

} // namespace concord::test
