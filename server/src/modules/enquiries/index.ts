// 首问负责制 — the enquiries module's front door: the enquiry desk's routes, the enquirer's lookup by
// tracking code, what the ratings module (好差评) reads of a closed enquiry, and the desk's sections
// (待接收的移交, 我负责的咨询).
export { enquiryRoutes } from './enquiries.routes.ts';
export { publicEnquiryRoutes } from './enquiries.public.routes.ts';
export { enquiryForRating } from './enquiries.service.ts';
// what the demo seed replays an enquiry's life with (首问登记, 移交/接收, 答复, 办结)
export { closeEnquiry, getEnquiry, listEnquiries, registerEnquiry, replyToEnquiry } from './enquiries.service.ts';
export { acceptHandover, handOverEnquiry } from './enquiry-handovers.service.ts';
export { ENQUIRY_DESK_SECTIONS } from './enquiry-desk.ts';
