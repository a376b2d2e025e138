/** Types for `virtual:nhsuk-css` (tsconfig maps the id here): the compiled NHS.UK styles. */
declare const css: string;
export default css;
