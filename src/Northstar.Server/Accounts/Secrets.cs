using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Northstar.Server.Accounts;

/// <summary>Random secrets (API tokens, write keys, generated passwords) and the hash an API token is stored under.</summary>
internal static class Secrets
{
    /// <summary>What every API token starts with, so a leaked one is recognisable (secret scanners, logs).</summary>
    public const string TokenPrefix = "nst_";

    /// <summary>What every write key starts with.</summary>
    public const string WriteKeyPrefix = "wk_";

    /// <summary>How many characters of a token are kept in clear (<see cref="Core.Accounts.ApiToken.Prefix"/>) to tell tokens apart.</summary>
    public const int ShownTokenChars = 12;

    /// <summary>A new API token: "nst_" and 32 random bytes in base64url (43 characters).</summary>
    public static string NewToken() => TokenPrefix + Random(32);

    /// <summary>A new write key: "wk_" and 24 random bytes in base64url (32 characters).</summary>
    public static string NewWriteKey() => WriteKeyPrefix + Random(24);

    /// <summary>A generated password: 16 random bytes in base64url (22 characters, 128 bits).</summary>
    public static string NewPassword() => Random(16);

    /// <summary>SHA-256 of the token's UTF-8 bytes, lower-case hex: a token has 256 random bits, so no slow hash is needed.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
