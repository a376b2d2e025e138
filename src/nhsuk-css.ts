/** Types for `virtual:nhsuk-css` and `virtual:nhsuk-forms-css` (tsconfig maps the ids here): compiled NHS.UK styles. */
declare const css: string;
export default css;
