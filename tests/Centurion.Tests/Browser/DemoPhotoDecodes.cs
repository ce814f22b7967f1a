using Centurion.Features.Demo;

namespace Centurion.Tests.Browser;

/// <summary>The demo's generated photos are real JPEGs: Chromium decodes them to their size and colours, not a broken image.</summary>
public class DemoPhotoDecodes(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task Chromium_decodes_a_generated_photo_with_its_exif()
    {
        var context = await browser.Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var jpeg = DemoPhotos.Jpeg(5, new DateTimeOffset(2022, 7, 14, 21, 35, 20, TimeSpan.FromHours(8)), 104.065694, 30.6595);
        await page.SetContentAsync($"<img id='p' src='data:image/jpeg;base64,{Convert.ToBase64String(jpeg)}'>");
        var decoded = await page.EvaluateAsync<int[]>("""
            async () => {
              const img = document.getElementById('p');
              await img.decode();
              const c = document.createElement('canvas');
              c.width = img.naturalWidth; c.height = img.naturalHeight;
              const g = c.getContext('2d');
              g.drawImage(img, 0, 0);
              const road = g.getImageData(80, 104, 1, 1).data;
              return [img.naturalWidth, img.naturalHeight, road[0], road[1], road[2]];
            }
            """);
        Assert.Equal([DemoPhotos.Width, DemoPhotos.Height], decoded[..2]);
        // The road's white line (200, 200, 190) at rows 102–105, within JPEG's error.
        Assert.All(decoded[2..], v => Assert.InRange(v, 170, 230));
        await context.DisposeAsync();
    }
}
