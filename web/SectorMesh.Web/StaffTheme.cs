namespace SectorMesh.Web;

/// <summary>The Radzen theme a user chose: a cookie of the page, not of the session, light unless it says dark.</summary>
public static class StaffTheme
{
    public const string Light = "material";
    public const string Dark = "material-dark";

    private const string Cookie = "sectormesh-theme";

    public static string Of(HttpRequest request) => request.Cookies[Cookie] == Dark ? Dark : Light;

    /// <summary>Switches the theme of every later page in this browser.</summary>
    public static void Toggle(HttpContext http) => http.Response.Cookies.Append(Cookie, Of(http.Request) == Dark ? Light : Dark,
        new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
}
