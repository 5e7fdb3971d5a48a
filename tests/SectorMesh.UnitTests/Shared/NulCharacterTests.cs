using SectorMesh.Contracts.Engagement.V1;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

/// <summary>No text the platform stores may hold U+0000 (PostgreSQL cannot), so a request holding one is refused naming where.</summary>
public class NulCharacterTests
{
    [Fact]
    public void The_field_named_is_the_first_text_holding_a_nul_character_however_deep()
    {
        var request = new CreateMeetingRequest
        {
            Parent = "tenants/oh/partnerships/p",
            Meeting = new Meeting { Agenda = { "Goals" }, ActionItems = { new ActionItem { Description = "Plan" }, new ActionItem { Owner = "H.\0Lead" } } },
        };

        Assert.Equal("meeting.action_items[1].owner", NulCharacterInterceptor.FieldWithNul(request));
    }

    [Fact]
    public void A_request_whose_text_holds_no_nul_character_names_no_field()
    {
        var request = new CreateMeetingRequest { Parent = "tenants/oh/partnerships/p", Meeting = new Meeting { Agenda = { "Line\nbreak", "Tab\t" } } };

        Assert.Null(NulCharacterInterceptor.FieldWithNul(request));
    }
}
