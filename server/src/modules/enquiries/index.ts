// 首问负责制 — the enquiries module's front door: the enquiry desk's routes, the enquirer's lookup by
// tracking code, and what the ratings module (好差评) reads of a closed enquiry.
export { enquiryRoutes } from './enquiries.routes.ts';
export { publicEnquiryRoutes } from './enquiries.public.routes.ts';
export { enquiryForRating } from './enquiries.service.ts';
