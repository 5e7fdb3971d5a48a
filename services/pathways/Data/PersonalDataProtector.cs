using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SectorMesh.Domain;

namespace SectorMesh.Pathways.Data;

/// <summary>A participant's name, date of birth and contact, as stored: encrypted, apart from the participant's record.</summary>
public sealed record PersonalData(string GivenName, string FamilyName, DateOnly? BirthDate, string Email, string Phone)
{
    public static PersonalData Of(string givenName, string familyName, DateOnly? birthDate, string email, string phone, DateOnly today)
    {
        new Violations()
            .OptionalText(givenName, "participant.personal_data.given_name", 100)
            .OptionalText(familyName, "participant.personal_data.family_name", 100)
            .Require(birthDate is null || (birthDate > today.AddYears(-120) && birthDate < today.AddYears(-10)), "participant.personal_data.birth_date",
                "must make the participant between 10 and 120 years old.")
            .OptionalText(email, "participant.personal_data.email", 254)
            .Require(email.Length == 0 || (email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1), "participant.personal_data.email", "must be an email address.")
            .OptionalText(phone, "participant.personal_data.phone", 30)
            .ThrowIfAny();
        return new(givenName.Trim(), familyName.Trim(), birthDate, email.Trim(), phone.Trim());
    }
}

/// <summary>A participant's personal data as the database holds it: only the sealed bytes.</summary>
public sealed class SealedPersonalData(string tenantId, string partnershipId, string participantId, byte[] sealedData)
{
    public string TenantId { get; private set; } = tenantId;
    public string PartnershipId { get; private set; } = partnershipId;
    public string ParticipantId { get; private set; } = participantId;
    public byte[] SealedData { get; private set; } = sealedData;
}

/// <summary>
/// Encrypts personal data at rest with AES-256-GCM under the key of Pathways:PersonalDataKey (32
/// bytes, base64; a Kubernetes Secret). The participant's name is the associated data, so a
/// ciphertext copied onto another participant's row does not decrypt.
/// </summary>
public sealed class PersonalDataProtector(byte[] key)
{
    public const string Setting = "Pathways:PersonalDataKey";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    // An AesGcm holds its key schedule and cipher context: made once per thread, not once per participant (an import seals a
    // million birth dates). It is not safe to share between threads.
    private readonly ThreadLocal<AesGcm> _aes = new(() => new AesGcm(key, TagSize));

    // Development only, so a fresh clone runs with no setup; published in the source, so refused elsewhere.
    private static readonly byte[] DevelopmentKey = SHA256.HashData(Encoding.UTF8.GetBytes("sectormesh-development-personal-data-key"));

    public static PersonalDataProtector From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrEmpty(configured))
        {
            return environment.IsDevelopment()
                ? new PersonalDataProtector(DevelopmentKey)
                : throw new InvalidOperationException($"Set {Setting} to 32 random bytes in base64 to encrypt participants' personal data.");
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Setting} must be base64.");
        }
        return key.Length == 32 ? new PersonalDataProtector(key) : throw new InvalidOperationException($"{Setting} must hold 32 bytes.");
    }

    public byte[] Protect(PersonalData data, string participantName)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(data);
        var sealedData = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedData.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, sealedData.AsSpan(NonceSize + TagSize), sealedData.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(participantName));
        return sealedData;
    }

    public PersonalData Unprotect(byte[] sealedData, string participantName)
    {
        var plain = new byte[sealedData.Length - NonceSize - TagSize];
        _aes.Value!.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize + TagSize), sealedData.AsSpan(NonceSize, TagSize), plain,
            Encoding.UTF8.GetBytes(participantName));
        return JsonSerializer.Deserialize<PersonalData>(plain)!;
    }
}
