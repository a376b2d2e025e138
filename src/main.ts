/** Boot: load the course, connect the LMS (or local storage), mount <fl-course>. */
import course from 'virtual:course';
import { findApi } from './lms/find-api.js';
import { ScormDriver, StandaloneDriver } from './lms/driver.js';
import { LmsSession } from './lms/session.js';
import './components/fl-course.js';

const params = new URLSearchParams(location.search);
const debug = params.has('debug') || params.get('frontline-debug') === '1';
const found = findApi(window);
const driver = found
  ? new ScormDriver(found)
  : new StandaloneDriver(`frontline:${course.id}:${course.version}`);
const session = new LmsSession(driver, course, { debug });
const launch = session.launch();

document.documentElement.lang = course.language;
document.title = course.title;
const element = document.createElement('fl-course');
element.course = course;
element.session = session;
element.launch = launch;
document.body.replaceChildren(element);
