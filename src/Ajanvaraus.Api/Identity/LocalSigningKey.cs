using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Ajanvaraus.Api.Identity;

// The embedded default's token signing key: 256 random bits in a file beside the database, made on first use. Two
// processes starting at once agree on whichever file was written first.
internal static class LocalSigningKey
{
    public const string Issuer = "ajanvaraus-local";

    public static SymmetricSecurityKey Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            TryCreate(fullPath);
        }

        var bytes = Convert.FromBase64String(File.ReadAllText(fullPath).Trim());
        return new SymmetricSecurityKey(bytes) { KeyId = "local" };
    }

    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // Whoever reads the key can mint an operator's token: the owner only, from the moment the file exists.
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, create);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
        }
    }
}
