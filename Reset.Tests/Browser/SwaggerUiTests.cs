using Microsoft.Playwright;

namespace Reset.Tests.Browser;

/// <summary>
/// Swagger UI at /swagger works in a real browser against the live service: open a tag, open an
/// operation, execute it, and read the live answer. Operations open in "Try it out" mode already
/// (FastEndpoints turns tryItOutEnabled on), so the button they show is "Cancel".
/// </summary>
public sealed class SwaggerUiTests(LiveApp app, Chromium chromium) : IClassFixture<LiveApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Trying_out_the_password_policy_answers_200_in_the_browser()
    {
        var operation = await OpenOperationAsync("getPasswordPolicy");

        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var live = operation.Locator(".live-responses-table .response");
        await Assertions.Expect(live.Locator(".response-col_status")).ToHaveTextAsync("200");
        (await live.Locator(".response-col_description").InnerTextAsync()).ShouldContain("\"minLength\": 12");
    }

    [Fact]
    public async Task Trying_out_a_password_evaluation_sends_the_example_body_and_answers_200()
    {
        var operation = await OpenOperationAsync("evaluatePassword");

        // The body editor starts with the documented example request.
        (await operation.Locator("textarea.body-param__text").InputValueAsync()).ShouldContain("blue cactus river lamp");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var live = operation.Locator(".live-responses-table .response");
        await Assertions.Expect(live.Locator(".response-col_status")).ToHaveTextAsync("200");
        (await live.Locator(".response-col_description").InnerTextAsync()).ShouldContain("\"acceptable\": true");
    }

    private async Task<ILocator> OpenOperationAsync(string operationId)
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.GotoAsync("/swagger");
        // Tags start folded.
        await page.Locator("#operations-tag-Password_policy").ClickAsync();
        var operation = page.Locator("#operations-Password_policy-" + operationId);
        await operation.Locator(".opblock-summary").ClickAsync();
        await Assertions.Expect(operation.Locator(".try-out__btn")).ToHaveTextAsync("Cancel");
        return operation;
    }
}
