namespace SectorMesh.Domain;

/// <summary>
/// What text the platform stores. Control characters can hide a second value in a name, break
/// logs, CSV exports and terminals, so none is accepted; free text longer than a name (descriptions,
/// notes, terms) may keep line breaks and tabs.
/// </summary>
public static class Text
{
    /// <summary>Texts up to this length are names and titles: one line, no control character at all.</summary>
    public const int NameLength = 300;

    /// <summary>The position of the first control character not allowed in a text of this maximum length, or null.</summary>
    public static int? ControlCharacterIn(string value, int maxLength)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && (maxLength <= NameLength || c is not ('\n' or '\r' or '\t')))
            {
                return i;
            }
        }
        return null;
    }
}
