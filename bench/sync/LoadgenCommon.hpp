// What the load generator's modes share: the users' tokens written by `setup`, percentiles,
// and what /proc says of the server process.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace concord::bench {

struct Credentials
{
    std::string user;
    std::string token;
};

inline std::vector<Credentials> readTokens(const std::string& path)
{
    std::ifstream in(path);
    std::vector<Credentials> users;
    Credentials credentials;
    while (in >> credentials.user >> credentials.token) {
        users.push_back(credentials);
    }
    if (users.empty()) {
        throw std::runtime_error(path + ": no users (run loadgen setup first)");
    }
    return users;
}

inline double percentile(std::vector<double>& values, double p)
{
    if (values.empty()) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

inline std::int64_t residentKb(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            return std::stoll(line.substr(6));
        }
    }
    return -1;
}

// The CPU time the process has used so far, user and system, in seconds (/proc/PID/stat).
inline double cpuSeconds(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are
    // state (3), ..., utime (14) and stime (15).
    const auto close = stat.rfind(')');
    if (close == std::string::npos) {
        return -1;
    }
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14 || index == 15) {
            ticks += std::stod(field);
        }
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

} // namespace concord::bench
