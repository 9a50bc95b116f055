### Support-plan data for the English site: tier names and summaries,
### comparison labels, priorities, support channels, resources and regions.
### Every ID here is referenced by content/*.yaml.

## Tiers

# The banner over the columns of the three paid tiers, at the top of the comparison table
# (Compare tiers page and each tier page). A short label; "($)" marks paid.
tier-paid-banner = Paid support ($)
# The name of a support tier: a column header of the comparison and response-target tables,
# the heading of its card on the home page, and the value of $tier / $previous in headings
# of tier pages ("What Business support adds to Online support"). A short name, like a
# product name; the page titles of the tier pages are in the pages' own files.
tier-online = Online support
# The name of a support tier; see tier-online for where a tier's name is shown. A short name.
tier-business = Business support
# The name of a support tier; see tier-online for where a tier's name is shown. A short name.
tier-enterprise = Enterprise support
# The name of a support tier; see tier-online for where a tier's name is shown. A short name.
tier-elite = Elite support
# The summary of Online support: the paragraph under the tier's name on its home page card, and the
# lead paragraph under the title of its tier page. One or two sentences.
tier-online-summary = Self-service online resources and online support during business hours, with limited phone access kept for Priority 1 issues.
# The summary of Business support: the paragraph under the tier's name on its home page card, and the
# lead paragraph under the title of its tier page. One or two sentences.
tier-business-summary = Builds on Online support with an account support lead, live phone support and escalation management for your most pressing cases.
# The summary of Enterprise support: the paragraph under the tier's name on its home page card, and the
# lead paragraph under the title of its tier page. One or two sentences.
tier-enterprise-summary = A named support engineer, online support 24x5, yearly service reviews and expert sessions, case reviews and field services; the account support lead of Business support is not included.
# The summary of Elite support: the paragraph under the tier's name on its home page card, and the
# lead paragraph under the title of its tier page. One or two sentences.
tier-elite-summary = Adds a technical account manager, event management, environment review, maintenance and monitoring, and release, migration, upgrade and product roadmap reviews.

## Business support highlights

# A highlight of Business support, in the Highlights section of the Business support page:
# the title above its paragraph. A short label.
highlight-account-support-lead = Account support lead
# A highlight of Business support, in the Highlights section of the Business support page:
# the paragraph under the title highlight-account-support-lead. Sentences.
highlight-account-support-lead-description = A dedicated lead keeps an eye on your cases, gets teams working together, runs onboarding webinars and service reports, helps with non-technical questions, and speaks up for you inside Adobe Support as your escalation point.
# A highlight of Business support, in the Highlights section of the Business support page:
# the title above its paragraph. A short label.
highlight-live-phone-support = Live phone support
# A highlight of Business support, in the Highlights section of the Business support page:
# the paragraph under the title highlight-live-phone-support. Sentences.
highlight-live-phone-support-description = During your region’s support hours you can open cases by phone for any P2, P3 or P4 issue, with no cap on the number of calls. You can also ask for a call back, a meeting with a demonstration, or a shared remote desktop session to work through the problem.
# A highlight of Business support, in the Highlights section of the Business support page:
# the title above its paragraph. A short label.
highlight-escalation-management = Escalation management
# A highlight of Business support, in the Highlights section of the Business support page:
# the paragraph under the title highlight-escalation-management. Sentences.
highlight-escalation-management-description = A named contact at Adobe helps with escalations, keeps you regularly informed and makes sure your most urgent open requests are handled first.
# A highlight of Business support, in the Highlights section of the Business support page:
# the title above its paragraph. A short label.
highlight-business-services = Business services
# A highlight of Business support, in the Highlights section of the Business support page:
# the paragraph under the title highlight-business-services. Sentences.
highlight-business-services-description = Your account support lead hosts a webinar that walks you through what the Business support services offer.

## Comparison: feature groups

# A group of features: a row spanning the whole comparison table (Compare tiers page and
# each tier page) above the features of the group. A short label.
group-assigned-experts = Assigned experts
# A group of features: a row spanning the whole comparison table (Compare tiers page and
# each tier page) above the features of the group. A short label.
group-support-services = Support services
# A group of features: a row spanning the whole comparison table (Compare tiers page and
# each tier page) above the features of the group. A short label.
group-field-services = Field services

## Comparison: features

# A feature: the row header of the comparison table (Compare tiers page and each tier page),
# and an item in a tier page's lists of what the tier adds or does not include (alone, or
# as $feature of feature-with-value and feature-value-compared). A label, not a sentence;
# keep it short: the first column is narrow on phones.
feature-account-support-lead = Account support lead
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-named-support-engineer = Named support engineer
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-technical-account-manager = Technical account manager
# A feature; see feature-account-support-lead for where it is shown. A short label. Its cells name a coverage window
# ("Business hours", "24x5").
feature-online-support = Online support
# A feature; see feature-account-support-lead for where it is shown. A short label. 24x7x365: all hours of
# every day of the year.
feature-p1-support = P1 issue support 24x7x365
# A feature; see feature-account-support-lead for where it is shown. A short label. Its cells are numbers (how many
# people a customer may name per product).
feature-named-support-contacts = Named support contacts (per product)
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-live-phone-support = Live phone support
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-escalation-management = Escalation management
# A feature; see feature-account-support-lead for where it is shown. A short label. Its cells are numbers (2, 4).
feature-service-reviews = Service reviews per year
# A feature; see feature-account-support-lead for where it is shown. A short label. Its cells are numbers (2, 4).
feature-expert-sessions = Expert sessions per year
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-case-reviews = Case reviews
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-event-management = Event management
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-environment-review = Environment review, maintenance and monitoring
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-release-review = Release, migration, upgrade and product roadmap review
# A feature; see feature-account-support-lead for where it is shown. A short label. "Experience Manager as a Cloud Service"
# is a product name.
feature-cloud-support-activities = Cloud support activities – Experience Manager as a Cloud Service
# A feature; see feature-account-support-lead for where it is shown. A short label.
feature-launch-advisory = Launch advisory services – first year of a new solution
# A feature; see feature-account-support-lead for where it is shown. A short label. Its cells are numbers (2, 4).
feature-field-service-activities = Field service activities

## Priorities

# The name of a priority level: the start of a row header of the response-target table
# (Initial response targets page), and the start of a line of a tier page's list of
# targets ("Priority 1  24x7 / 1 hour"). A short label; P1 is its abbreviation in other texts.
priority-p1 = Priority 1
# What makes a case Priority 1: under the priority's name in the row header of the
# response-target table (Initial response targets page). One or two sentences.
priority-p1-description = The customer’s production business functions are down, or there is data loss or a major degradation of service. Functionality and availability need to be restored right away.
# The name of a priority level: the start of a row header of the response-target table
# (Initial response targets page), and the start of a line of a tier page's list of
# targets ("Priority 2  24x7 / 1 hour"). A short label; P2 is its abbreviation in other texts.
priority-p2 = Priority 2
# What makes a case Priority 2: under the priority's name in the row header of the
# response-target table (Initial response targets page). One or two sentences.
priority-p2-description = The customer’s business functions suffer a serious degradation of service or possible data loss, or a major feature is affected.
# The name of a priority level: the start of a row header of the response-target table
# (Initial response targets page), and the start of a line of a tier page's list of
# targets ("Priority 3  24x7 / 1 hour"). A short label; P3 is its abbreviation in other texts.
priority-p3 = Priority 3
# What makes a case Priority 3: under the priority's name in the row header of the
# response-target table (Initial response targets page). One or two sentences.
priority-p3-description = The customer’s business functions show a minor degradation of service, but a solution or workaround lets them keep working normally.
# The name of a priority level: the start of a row header of the response-target table
# (Initial response targets page), and the start of a line of a tier page's list of
# targets ("Priority 4  24x7 / 1 hour"). A short label; P4 is its abbreviation in other texts.
priority-p4 = Priority 4
# What makes a case Priority 4: under the priority's name in the row header of the
# response-target table (Initial response targets page). One or two sentences.
priority-p4-description = A general question about how the product currently works, or a request for an enhancement.

## Support channels

# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name.
channel-community-forums = Community forums
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-community-forums-kind = Online forums
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-community-forums-description = Round-the-clock online access to a growing base of technical solutions, product documentation, frequently asked questions and more. Trade best practices and lessons learned with Adobe community professionals and other customers.
# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name. "Office Hours" is the name of the programme.
channel-office-hours = Office Hours
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-office-hours-kind = Webinars
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-office-hours-description = Office Hours is a programme run by the Adobe Customer Support team. Its sessions share information, help attendees solve their problems, and pass on tips and tricks for getting the most out of Adobe solutions.
# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name. "Experience League" is a product name.
channel-experience-league = Experience League
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-experience-league-kind = Self-guided journeys
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-experience-league-description = Experience League equips experience makers. Through personalised learning, customers can grow their customer experience management skills, connect with a worldwide community of peers and earn recognition for their careers.
# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name.
channel-self-help-portal = Self-help portal
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-self-help-portal-kind = 24/7 support portal
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-self-help-portal-description = On-demand access to the online self-help portal, where you can submit support requests, check the status of your cases and browse other resources such as the knowledge base, news and alerts, and featured tips.
# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name.
# The "*" refers to channel-live-chat-footnote: keep it in both.
channel-live-chat = Live chat support *
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-live-chat-kind = Chat support
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-live-chat-description = Start a chat session to get answers and help while you submit a case.
# The footnote of the live chat channel, under its card on the Support channels page and
# under the channel list of each tier page. Starts with the "*" that marks the channel's
# name (channel-live-chat). A sentence.
channel-live-chat-footnote = * Some products do not offer live chat support.
# The name of a support channel: the heading of its card on the Support channels page, and
# the bold name in the channel list of each tier page. A short name.
# "P1 24x7x365": Priority 1 cases, all hours of every day of the year.
channel-phone = P1 24x7x365
# The kind of a support channel: a short line under its name on the Support channels page
# card, and after its name in the channel list of each tier page. A short label.
channel-phone-kind = Phone support
# The paragraph about a support channel on its card on the Support channels page (not on
# tier pages). Sentences.
channel-phone-description = Authorised users and named support contacts can report issues through any available channel, including the phone for P1 issues, and work with our technical support team on behalf of your company.

## Resources

# The name of a resource: the first cell of its row in the resources table (Resources page),
# a link where the resource has an address. A short name. "Experience League" is a product name; its link leads to a
# French page, marked after it with resource-address-language ("(in French)").
resource-experience-league = Experience League
# The second cell of a resource's row in the resources table (Resources page): what the
# resource is. Sentences.
resource-experience-league-description = Experience League is how Adobe helps companies get the value they expect from their investment in Adobe. It is a single place where customers learn, connect with one another and grow along a personalised path to success, with self-paced tutorials, product documentation, instructor-led training, a community and technical support.
# The name of a resource: the first cell of its row in the resources table (Resources page),
# a link where the resource has an address. A short name.
resource-training = Training
# The second cell of a resource's row in the resources table (Resources page): what the
# resource is. Sentences.
resource-training-description = Adobe Digital Learning Services courses can be reached from Experience League and combine on-demand and instructor-led classes. They help you build skills with recognised market value and put them to work for your organisation’s success.
# The name of a resource: the first cell of its row in the resources table (Resources page),
# a link where the resource has an address. A short name.
resource-status = Production issues and system outages
# The second cell of a resource's row in the resources table (Resources page): what the
# resource is. Sentences.
# "Status.adobe.com" is the site's address, as a name.
resource-status-description = Status.adobe.com reports the health of every Adobe product and service deployed in multi-tenant environments. Customers can set their subscription preferences to receive an email whenever Adobe creates, updates or resolves a product event, which can include scheduled maintenance or service issues of various severity levels.
# The name of a resource: the first cell of its row in the resources table (Resources page),
# a link where the resource has an address. A short name. Not a link (no address is known).
resource-business-support-site = Business support site
# The second cell of a resource's row in the resources table (Resources page): what the
# resource is. Sentences.
resource-business-support-site-description = Adobe’s Business support site.
# The name of a resource: the first cell of its row in the resources table (Resources page),
# a link where the resource has an address. A short name. Its link leads to a French page, marked after it with
# resource-address-language ("(in French)").
resource-terms = Terms and conditions
# The second cell of a resource's row in the resources table (Resources page): what the
# resource is. Sentences.
resource-terms-description = The terms and conditions that set out the support service offerings.

## Regions

# The paragraph under the heading of the Regional hours page, above the hours table.
# A sentence.
regions-intro = Your Adobe support region is set by matching the customer’s billing address, as given on the purchase order or other document used to buy Adobe support, with one of the regions below.
# The last paragraph of the Regional hours page, under the hours table and its notes.
# Sentences.
regions-global-services = Adobe Global Support Services, including for Adobe products, provide support 24 hours a day. To learn more about Adobe support plans and which tier suits you, contact your named account manager (NAM) or customer success manager (CSM).
# The name of a support region: the row header of its row in the hours table (Regional
# hours page). A short name.
region-americas = Americas
# The name of a support region: the row header of its row in the hours table (Regional
# hours page). A short name.
region-emea = Europe, Middle East and Africa
# The name of a support region: the row header of its row in the hours table (Regional
# hours page). A short name.
region-apac = Asia Pacific
# The name of a support region: the row header of its row in the hours table (Regional
# hours page). A short name. Followed by the numbers (superscript) of the notes that concern it.
region-japan = Japan
# A note under the hours table of the Regional hours page, about Japan: numbered, the
# number also shown after "Japan" in the table. A sentence.
region-note-japan-languages = Language support is offered in English and Japanese only.
# A note under the hours table of the Regional hours page, about Japan: numbered, the
# number also shown after "Japan" in the table. A sentence. "Adobe Commerce" is a product name.
region-note-commerce-japanese = Adobe Commerce has no support in Japanese.
# A note under the hours table of the Regional hours page, about Japan: numbered, the
# number also shown after "Japan" in the table. A sentence.
region-note-japan-business-hours = P2, P3 and P4 cases are handled during Japanese business hours only.
