### Support-plan data for the English site: tier names and summaries,
### comparison labels, priorities, support channels, resources and regions.
### Every ID here is referenced by content/*.yaml.

## Tiers

tier-paid-banner = Paid support ($)
tier-online = Online support
tier-business = Business support
tier-enterprise = Enterprise support
tier-elite = Elite support
tier-online-summary = Self-service online resources and online support during business hours, with limited phone access kept for Priority 1 issues.
tier-business-summary = Builds on Online support with an account support lead, live phone support and escalation management for your most pressing cases.
tier-enterprise-summary = A named support engineer, online support 24x5, yearly service reviews and expert sessions, case reviews and field services; the account support lead of Business support is not included.
tier-elite-summary = Adds a technical account manager, event management, environment review, maintenance and monitoring, and release, migration, upgrade and product roadmap reviews.

## Business support highlights

highlight-account-support-lead = Account support lead
highlight-account-support-lead-description = A dedicated lead keeps an eye on your cases, gets teams working together, runs onboarding webinars and service reports, helps with non-technical questions, and speaks up for you inside Adobe Support as your escalation point.
highlight-live-phone-support = Live phone support
highlight-live-phone-support-description = During your region’s support hours you can open cases by phone for any P2, P3 or P4 issue, with no cap on the number of calls. You can also ask for a call back, a meeting with a demonstration, or a shared remote desktop session to work through the problem.
highlight-escalation-management = Escalation management
highlight-escalation-management-description = A named contact at Adobe helps with escalations, keeps you regularly informed and makes sure your most urgent open requests are handled first.
highlight-business-services = Business services
highlight-business-services-description = Your account support lead hosts a webinar that walks you through what the Business support services offer.

## Comparison: feature groups

group-assigned-experts = Assigned experts
group-support-services = Support services
group-field-services = Field services

## Comparison: features

feature-account-support-lead = Account support lead
feature-named-support-engineer = Named support engineer
feature-technical-account-manager = Technical account manager
feature-online-support = Online support
feature-p1-support = P1 issue support 24x7x365
feature-named-support-contacts = Named support contacts (per product)
feature-live-phone-support = Live phone support
feature-escalation-management = Escalation management
feature-service-reviews = Service reviews per year
feature-expert-sessions = Expert sessions per year
feature-case-reviews = Case reviews
feature-event-management = Event management
feature-environment-review = Environment review, maintenance and monitoring
feature-release-review = Release, migration, upgrade and product roadmap review
feature-cloud-support-activities = Cloud support activities – Experience Manager as a Cloud Service
feature-launch-advisory = Launch advisory services – first year of a new solution
feature-field-service-activities = Field service activities

## Priorities

priority-p1 = Priority 1
priority-p1-description = The customer’s production business functions are down, or there is data loss or a major degradation of service. Functionality and availability need to be restored right away.
priority-p2 = Priority 2
priority-p2-description = The customer’s business functions suffer a serious degradation of service or possible data loss, or a major feature is affected.
priority-p3 = Priority 3
priority-p3-description = The customer’s business functions show a minor degradation of service, but a solution or workaround lets them keep working normally.
priority-p4 = Priority 4
priority-p4-description = A general question about how the product currently works, or a request for an enhancement.

## Support channels

channel-community-forums = Community forums
channel-community-forums-kind = Online forums
channel-community-forums-description = Round-the-clock online access to a growing base of technical solutions, product documentation, frequently asked questions and more. Trade best practices and lessons learned with Adobe community professionals and other customers.
channel-office-hours = Office Hours
channel-office-hours-kind = Webinars
channel-office-hours-description = Office Hours is a programme run by the Adobe Customer Support team. Its sessions share information, help attendees solve their problems, and pass on tips and tricks for getting the most out of Adobe solutions.
channel-experience-league = Experience League
channel-experience-league-kind = Self-guided journeys
channel-experience-league-description = Experience League equips experience makers. Through personalised learning, customers can grow their customer experience management skills, connect with a worldwide community of peers and earn recognition for their careers.
channel-self-help-portal = Self-help portal
channel-self-help-portal-kind = 24/7 support portal
channel-self-help-portal-description = On-demand access to the online self-help portal, where you can submit support requests, check the status of your cases and browse other resources such as the knowledge base, news and alerts, and featured tips.
channel-live-chat = Live chat support *
channel-live-chat-kind = Chat support
channel-live-chat-description = Start a chat session to get answers and help while you submit a case.
channel-live-chat-footnote = * Some products do not offer live chat support.
channel-phone = P1 24x7x365
channel-phone-kind = Phone support
channel-phone-description = Authorised users and named support contacts can report issues through any available channel, including the phone for P1 issues, and work with our technical support team on behalf of your company.

## Resources

resource-experience-league = Experience League
resource-experience-league-description = Experience League is how Adobe helps companies get the value they expect from their investment in Adobe. It is a single place where customers learn, connect with one another and grow along a personalised path to success, with self-paced tutorials, product documentation, instructor-led training, a community and technical support.
resource-training = Training
resource-training-description = Adobe Digital Learning Services courses can be reached from Experience League and combine on-demand and instructor-led classes. They help you build skills with recognised market value and put them to work for your organisation’s success.
resource-status = Production issues and system outages
resource-status-description = Status.adobe.com reports the health of every Adobe product and service deployed in multi-tenant environments. Customers can set their subscription preferences to receive an email whenever Adobe creates, updates or resolves a product event, which can include scheduled maintenance or service issues of various severity levels.
resource-business-support-site = Business support site
resource-business-support-site-description = Adobe’s Business support site.
resource-terms = Terms and conditions
resource-terms-description = The terms and conditions that set out the support service offerings.

## Regions

regions-intro = Your Adobe support region is set by matching the customer’s billing address, as given on the purchase order or other document used to buy Adobe support, with one of the regions below.
regions-global-services = Adobe Global Support Services, including for Adobe products, provide support 24 hours a day. To learn more about Adobe support plans and which tier suits you, contact your named account manager (NAM) or customer success manager (CSM).
region-americas = Americas
region-emea = Europe, Middle East and Africa
region-apac = Asia Pacific
region-japan = Japan
region-note-japan-languages = Language support is offered in English and Japanese only.
region-note-commerce-japanese = Adobe Commerce has no support in Japanese.
region-note-japan-business-hours = P2, P3 and P4 cases are handled during Japanese business hours only.
