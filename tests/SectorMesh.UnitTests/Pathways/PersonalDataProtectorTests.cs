using System.Security.Cryptography;
using System.Text;
using SectorMesh.Pathways.Data;

namespace SectorMesh.UnitTests.Pathways;

public class PersonalDataProtectorTests
{
    private static readonly PersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32));
    private static readonly PersonalData Maria = new("Maria", "Lopez", new DateOnly(1991, 4, 17), "maria@example.org", "614-555-0100");
    private const string Name = "tenants/ohio/partnerships/healthcare/participants/p-001";

    [Fact]
    public void Personal_data_reads_back_as_it_was_given()
    {
        Assert.Equal(Maria, Protector.Unprotect(Protector.Protect(Maria, Name), Name));
    }

    [Fact]
    public void The_stored_bytes_do_not_contain_the_personal_data()
    {
        var stored = Encoding.UTF8.GetString(Protector.Protect(Maria, Name));

        Assert.DoesNotContain("Lopez", stored);
    }

    [Fact]
    public void Personal_data_copied_onto_another_participant_does_not_decrypt()
    {
        var stored = Protector.Protect(Maria, Name);

        Assert.ThrowsAny<CryptographicException>(() => Protector.Unprotect(stored, "tenants/ohio/partnerships/healthcare/participants/p-002"));
    }
}
