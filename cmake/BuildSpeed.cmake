# Build speed on small machines (CI has two cores): the heavy third-party headers are parsed once
# per target (precompiled headers) instead of once per file, and mold links when it is there.
option(CONCORD_PCH "Precompile the heavy third-party headers of each target" ON)

find_program(CONCORD_MOLD mold)
if(CONCORD_MOLD)
    add_link_options(-fuse-ld=mold)
endif()

# The headers every target of a kind includes; listed once so that the sets stay alike.
set(CONCORD_PCH_STD <algorithm> <cstdint> <functional> <map> <memory> <optional> <set> <stdexcept> <string>
    <string_view> <unordered_map> <vector>)
set(CONCORD_PCH_JSON <nlohmann/json.hpp>)
set(CONCORD_PCH_ASIO <boost/asio/io_context.hpp> <boost/asio/ip/tcp.hpp> <boost/asio/post.hpp> <boost/asio/ssl.hpp>
    <boost/asio/steady_timer.hpp> <boost/asio/write.hpp>)
set(CONCORD_PCH_CATCH <catch2/catch.hpp>)

# GCC 12 reports std::string concatenations as out of bounds, or overflowing, at -O2 once they
# are inlined (GCC bugs 105651 and 105329, fixed in GCC 13); precompiled headers change the
# inlining enough to show them all over the tree. The sanitizer builds (clang) check bounds at
# run time instead.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    add_compile_options(-Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread -Wno-restrict)
endif()

# concord_precompile(TARGET header...): those headers, precompiled for TARGET, unless
# CONCORD_PCH is off. A file that must see a header first itself (Catch2's implementation,
# with CATCH_CONFIG_RUNNER) belongs to a target that precompiles none.
function(concord_precompile target)
    if(CONCORD_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()
