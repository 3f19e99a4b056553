// Eleventy used directly (under tsx): our page templates in, the site out, one plugin. `npm run build` does the same with the validated model.
import guongSang from "./src/site/plugin.ts";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(guongSang);
}

export const config = {
  dir: { input: "src/site/pages", output: "_site" },
  // Only our TypeScript page modules are templates (the plugin's TEMPLATE_FORMATS).
  templateFormats: ["11ty.ts"],
  // Belt and braces: no Markdown or HTML template is ever rendered (only *.11ty.ts pages exist).
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
