declare module 'virtual:course' {
  import type { Course } from './core/model.js';
  const course: Course;
  export default course;
}
