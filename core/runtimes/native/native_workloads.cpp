// The native workloads: the same inputs, algorithms and answers as the Python and JavaScript scripts, written the
// way a C++ programmer would (flat vectors, no allocation in inner loops).
#include "native_workloads.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "versus_prng.h"

namespace versus::native {

namespace {

std::int64_t intParam(const ParamValues& params, const std::string& name)
{
    auto it = params.find(name);
    if (it == params.end() || !std::holds_alternative<std::int64_t>(it->second))
        throw std::invalid_argument("integer parameter '" + name + "' is missing");
    return std::get<std::int64_t>(it->second);
}

std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";  // answers here never hold characters that JSON would escape
}

// ---- fib --------------------------------------------------------------------------------------------------------

std::int64_t fib(std::int64_t n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

NativeCall setupFib(const ParamValues& params)
{
    const std::int64_t n = intParam(params, "n");
    return [n] { return std::to_string(fib(n)); };
}

// ---- matmul -----------------------------------------------------------------------------------------------------

std::vector<double> makeMatrix(Rng& rng, std::size_t n)
{
    std::vector<double> m(n * n);
    for (double& v : m)
        v = static_cast<double>(static_cast<int>(rng.nextInt(19)) - 9);
    return m;
}

NativeCall setupMatmul(const ParamValues& params)
{
    const auto n = static_cast<std::size_t>(intParam(params, "n"));
    Rng rng(intParam(params, "seed"));
    std::vector<double> a = makeMatrix(rng, n);
    std::vector<double> b = makeMatrix(rng, n);
    return [n, a = std::move(a), b = std::move(b)] {
        std::vector<double> product(n * n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = 0; k < n; ++k) {
                const double x = a[i * n + k];
                for (std::size_t j = 0; j < n; ++j)
                    product[i * n + j] += x * b[k * n + j];
            }
        // Entries are whole numbers, so this weighted sum is exact whatever the order of additions.
        double sum = 0;
        for (std::size_t i = 0; i < product.size(); ++i)
            sum += static_cast<double>(i + 1) * product[i];
        return std::to_string(static_cast<std::int64_t>(sum));
    };
}

// ---- image_blur -------------------------------------------------------------------------------------------------

/// Sums of the 2 * radius + 1 values around each of `length` values read at `start + i * step`, repeating the
/// edge values outwards; written the same way into `out`.
template <typename In>
void windowSums(const std::vector<In>& src, std::vector<std::uint32_t>& out, std::size_t start, std::size_t step,
                std::int64_t length, std::int64_t radius)
{
    auto at = [&](std::int64_t i) {
        return src[start + static_cast<std::size_t>(std::clamp<std::int64_t>(i, 0, length - 1)) * step];
    };
    std::uint32_t sum = 0;
    for (std::int64_t i = -radius; i <= radius; ++i)
        sum += at(i);
    for (std::int64_t i = 0; i < length; ++i) {
        out[start + static_cast<std::size_t>(i) * step] = sum;
        sum += at(i + radius + 1) - at(i - radius);
    }
}

NativeCall setupImageBlur(const ParamValues& params)
{
    const std::int64_t width = intParam(params, "width");
    const std::int64_t height = intParam(params, "height");
    const std::int64_t radius = intParam(params, "radius");
    Rng rng(intParam(params, "seed"));
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height));
    for (auto& p : pixels)
        p = static_cast<std::uint8_t>(rng.nextU32() >> 24);
    return [=, pixels = std::move(pixels)] {
        const auto w = static_cast<std::size_t>(width);
        std::vector<std::uint32_t> horizontal(pixels.size());
        for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y)
            windowSums(pixels, horizontal, y * w, 1, width, radius);
        std::vector<std::uint32_t> sums(pixels.size());
        for (std::size_t x = 0; x < w; ++x)
            windowSums(horizontal, sums, x, w, height, radius);
        const auto area = static_cast<std::uint32_t>((2 * radius + 1) * (2 * radius + 1));
        std::vector<std::uint8_t> blurred(pixels.size());
        std::int64_t checksum = 0;
        for (std::size_t i = 0; i < blurred.size(); ++i) {
            blurred[i] = static_cast<std::uint8_t>((sums[i] + area / 2) / area);
            checksum += static_cast<std::int64_t>(i + 1) * blurred[i];
        }
        return std::to_string(checksum);
    };
}

// ---- nbody ------------------------------------------------------------------------------------------------------

struct Body {
    double x, y, z, vx, vy, vz, mass;
};

constexpr double kSolarMass = 4 * std::numbers::pi * std::numbers::pi;
constexpr double kDaysPerYear = 365.24;

// Position in AU, velocity in AU/day (made AU/year below), mass in solar masses.
constexpr std::array<Body, 5> kBodies = {{
    {0, 0, 0, 0, 0, 0, 1},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03,
     7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03,
     4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03,
     2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03,
     1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05},
}};

/// The same IEEE operations in the same order as nbody.py and nbody.js, so the energy agrees to the last bit.
double simulateEnergy(std::int64_t steps)
{
    std::array<Body, 5> bodies = kBodies;
    for (Body& b : bodies) {
        b.vx *= kDaysPerYear;
        b.vy *= kDaysPerYear;
        b.vz *= kDaysPerYear;
        b.mass *= kSolarMass;
    }
    double px = 0, py = 0, pz = 0;
    for (const Body& b : bodies) {
        px -= b.vx * b.mass;
        py -= b.vy * b.mass;
        pz -= b.vz * b.mass;
    }
    bodies[0].vx = px / kSolarMass;
    bodies[0].vy = py / kSolarMass;
    bodies[0].vz = pz / kSolarMass;

    const double dt = 0.01;
    for (std::int64_t s = 0; s < steps; ++s) {
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            Body& a = bodies[i];
            for (std::size_t j = i + 1; j < bodies.size(); ++j) {
                Body& b = bodies[j];
                const double dx = a.x - b.x;
                const double dy = a.y - b.y;
                const double dz = a.z - b.z;
                const double d2 = dx * dx + dy * dy + dz * dz;
                const double mag = dt / (d2 * std::sqrt(d2));
                const double aMag = a.mass * mag;
                const double bMag = b.mass * mag;
                a.vx -= dx * bMag;
                a.vy -= dy * bMag;
                a.vz -= dz * bMag;
                b.vx += dx * aMag;
                b.vy += dy * aMag;
                b.vz += dz * aMag;
            }
        }
        for (Body& b : bodies) {
            b.x += dt * b.vx;
            b.y += dt * b.vy;
            b.z += dt * b.vz;
        }
    }

    double e = 0;
    for (const Body& b : bodies)
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
    for (std::size_t i = 0; i < bodies.size(); ++i)
        for (std::size_t j = i + 1; j < bodies.size(); ++j) {
            const double dx = bodies[i].x - bodies[j].x;
            const double dy = bodies[i].y - bodies[j].y;
            const double dz = bodies[i].z - bodies[j].z;
            e -= (bodies[i].mass * bodies[j].mass) / std::sqrt(dx * dx + dy * dy + dz * dz);
        }
    return e;
}

NativeCall setupNbody(const ParamValues& params)
{
    const std::int64_t steps = intParam(params, "steps");
    return [steps] { return std::to_string(static_cast<std::int64_t>(std::floor(simulateEnergy(steps) * 1e9 + 0.5))); };
}

// ---- string_build -----------------------------------------------------------------------------------------------

std::string randomWord(Rng& rng, std::uint32_t minLength, std::uint32_t extra, const std::string& letters)
{
    std::string word(minLength + rng.nextInt(extra), ' ');
    for (char& c : word)
        c = letters[rng.nextInt(static_cast<std::uint32_t>(letters.size()))];
    return word;
}

const std::string kLowercase = "abcdefghijklmnopqrstuvwxyz";
const std::string kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The length and 64 evenly spaced characters of `text`.
std::uint32_t sampledChecksum(const std::string& text)
{
    std::uint32_t h = static_cast<std::uint32_t>(text.size());
    for (std::size_t k = 0; k < 64; ++k)
        h = checksumAdd(h, static_cast<unsigned char>(text[k * text.size() / 64]));
    return h;
}

NativeCall setupStringBuild(const ParamValues& params)
{
    const std::int64_t lines = intParam(params, "lines");
    Rng rng(intParam(params, "seed"));
    std::vector<std::string> words;
    for (int i = 0; i < 64; ++i)
        words.push_back(randomWord(rng, 3, 6, kLowercase));
    return [lines, words = std::move(words)] {
        auto line = [&](std::int64_t i) {
            const auto count = static_cast<std::int64_t>(words.size());
            return std::to_string(i) + ',' + words[static_cast<std::size_t>(i % count)] + ','
                + words[static_cast<std::size_t>(i * 7 % count)];
        };
        std::string text;
        for (std::int64_t i = 0; i < lines; ++i)
            text += line(i) + '\n';
        std::vector<std::string> rows;
        rows.reserve(static_cast<std::size_t>(lines));
        for (std::int64_t i = 0; i < lines; ++i)
            rows.push_back(line(i));
        std::string joined;
        for (const auto& row : rows)
            joined.append(row).push_back('\n');
        if (joined != text)
            throw std::logic_error("concatenation and join built different texts");
        return std::to_string(sampledChecksum(text));
    };
}

// ---- sort -------------------------------------------------------------------------------------------------------

NativeCall setupSort(const ParamValues& params)
{
    const auto count = static_cast<std::size_t>(intParam(params, "count"));
    Rng rng(intParam(params, "seed"));
    std::vector<std::uint32_t> numbers(count);
    for (auto& n : numbers)
        n = rng.nextU32();
    std::vector<std::string> strings;
    strings.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        strings.push_back(randomWord(rng, 4, 9, kLetters));
    return [numbers = std::move(numbers), strings = std::move(strings)] {
        auto sortedNumbers = numbers;
        std::sort(sortedNumbers.begin(), sortedNumbers.end());
        auto sortedStrings = strings;
        std::sort(sortedStrings.begin(), sortedStrings.end());
        // 64 evenly spaced values of each sorted list, as sort.py does.
        std::uint32_t h = 0;
        for (std::size_t k = 0; k < 64; ++k) {
            const std::size_t i = k * numbers.size() / 64;
            h = checksumAdd(h, sortedNumbers[i]);
            for (unsigned char c : sortedStrings[i])
                h = checksumAdd(h, c);
        }
        return std::to_string(h);
    };
}

// ---- dict_ops ---------------------------------------------------------------------------------------------------

std::string hexKey(char prefix, std::uint32_t value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%x", prefix, value);
    return buffer;
}

NativeCall setupDictOps(const ParamValues& params)
{
    const auto count = static_cast<std::size_t>(intParam(params, "count"));
    Rng rng(intParam(params, "seed"));
    std::vector<std::string> keys, misses;
    for (std::size_t i = 0; i < count; ++i)
        keys.push_back(hexKey('k', rng.nextU32()));
    for (std::size_t i = 0; i < count; ++i)
        misses.push_back(hexKey('m', rng.nextU32()));
    return [keys = std::move(keys), misses = std::move(misses)] {
        std::unordered_map<std::string, std::int64_t> table;
        table.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i)
            table[keys[i]] = static_cast<std::int64_t>(i);
        std::int64_t hits = 0, total = 0;
        for (const auto& key : keys)
            if (auto it = table.find(key); it != table.end()) {
                ++hits;
                total += it->second;
            }
        for (const auto& key : misses)
            hits += static_cast<std::int64_t>(table.count(key));
        for (std::size_t i = 0; i < keys.size(); i += 2)
            table.erase(keys[i]);
        std::int64_t remaining = 0;
        for (const auto& entry : table)
            remaining += entry.second;
        return quoted("size=" + std::to_string(table.size()) + " hits=" + std::to_string(hits)
                      + " total=" + std::to_string(total) + " remaining=" + std::to_string(remaining));
    };
}

}  // namespace

const std::map<std::string, NativeSetup>& nativeWorkloads()
{
    static const std::map<std::string, NativeSetup> workloads = {
        {"dict_ops", setupDictOps}, {"fib", setupFib},   {"image_blur", setupImageBlur},     {"matmul", setupMatmul},
        {"nbody", setupNbody},      {"sort", setupSort}, {"string_build", setupStringBuild},
    };
    return workloads;
}

}  // namespace versus::native
